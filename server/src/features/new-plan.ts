/** A new plan from the editor: the same skeleton as `ipt new`, and the catalogue lists its pickers show. */
import { isClientCode, skeleton, unknownEntryMessage } from '../cli/skeleton.js';
import { findEntry } from '../language/catalogue.js';
import type { CatalogueEntry } from '../language/catalogue-types.js';
import type { ResolvedConfig } from '../rules/config.js';

export interface NewPlanRequest {
  variant: string;
  focus: string;
  /** A client code such as C-0142 (never a name); empty = the placeholder code. */
  client?: string;
}

export function newPlanText(config: ResolvedConfig, request: NewPlanRequest): { text: string } | { error: string } {
  const { catalogue } = config;
  const variant = findEntry(catalogue.variants, request.variant);
  if (!variant) return { error: unknownEntryMessage('variant', request.variant, catalogue.variants) };
  const area = findEntry(catalogue.problemAreas, request.focus);
  if (!area) return { error: unknownEntryMessage('problem area', request.focus, catalogue.problemAreas) };
  const client = request.client?.trim() || undefined;
  if (client !== undefined && !isClientCode(client)) {
    return { error: `\`${client}\` is not a client code. Use a code such as C-0142 (letters, digits and dashes, no spaces), never a name.` };
  }
  return { text: skeleton({ variant, area, client }) };
}

export interface CatalogueLists {
  variants: { id: string; title: string }[];
  problemAreas: { id: string; title: string }[];
}

export function catalogueLists(config: ResolvedConfig): CatalogueLists {
  const pick = (entries: readonly CatalogueEntry[]) => entries.map((entry) => ({ id: entry.id, title: entry.title }));
  return { variants: pick(config.catalogue.variants), problemAreas: pick(config.catalogue.problemAreas) };
}
