/**
 * The properties every workspace config must keep (issue 17): reading it never throws, every
 * problem is located inside the file, and checking a plan with what it configures — patterns on
 * RE2, an allow list, long or cyclic `extends` — keeps every property of check-input.ts's analysis,
 * renders, and finishes within the time bound.
 */
import { analyse } from '../../server/src/analyse.js';
import { semanticTokensData } from '../../server/src/features/semantic-tokens.js';
import { render } from '../../server/src/render/index.js';
import { resolveConfigTexts } from '../../server/src/rules/config-text.js';
import { checkAnalysis, type CheckOptions } from './check-input.js';
import { CONFIG_PLAN_SEPARATOR } from './inputs.js';

export function checkConfigInput(input: string, options: CheckOptions): void {
  const started = performance.now();
  const at = input.indexOf(CONFIG_PLAN_SEPARATOR);
  const configText = at < 0 ? input : input.slice(0, at);
  const plan = at < 0 ? '' : input.slice(at + CONFIG_PLAN_SEPARATOR.length);
  const { config, errors } = resolveConfigTexts([{ file: '.iptrc.json', text: configText }]);
  const lines = configText.split(/\r\n|\r|\n/).length;
  for (const error of errors) {
    if (!(error.line >= 1 && error.line <= lines && error.column >= 1 && error.endLine >= error.line)) throw new Error(`config error outside the file: ${JSON.stringify(error)}`);
    if (!error.message) throw new Error('config error without a message');
  }
  const analysis = analyse(plan, { config });
  checkAnalysis(plan, analysis);
  for (const to of ['html', 'markdown', 'fhir'] as const) render(analysis, { to, catalogue: config.catalogue, fhir: config.fhir });
  semanticTokensData(analysis, undefined, config);
  const elapsed = performance.now() - started;
  if (elapsed > options.timeBoundMs) throw new Error(`one config and plan took ${Math.round(elapsed)} ms (bound ${options.timeBoundMs} ms): ${input.slice(0, 200)}`);
}
