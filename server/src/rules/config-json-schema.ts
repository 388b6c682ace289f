/**
 * The JSON Schema of `.iptrc.json`, generated from the zod schema so the two can never disagree.
 * `scripts/build.mjs` writes it to schemas/iptrc.schema.json; VS Code uses it (via the extension's
 * `jsonValidation`, or a `"$schema"` key) for completion, hover and checks while editing the file.
 */
import * as z from 'zod';
import { configSchema } from './config-schema.js';

export const CONFIG_SCHEMA_ID = 'https://github.com/ipt-plan/ipt-plan/blob/main/schemas/iptrc.schema.json';

export function configJsonSchema(): Record<string, unknown> {
  // draft-07: the draft VS Code's JSON language service supports best.
  const generated = z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: CONFIG_SCHEMA_ID,
    title: 'IPT Plan configuration (.iptrc.json)',
    description:
      'Settings for IPT Plan, the linter and editor support for Interpersonal Psychotherapy treatment plans (.ipt). Files are found by walking up from each plan; deeper files override their parents. See docs/config.md.',
    // VS Code's own keywords: the file is JSONC, so comments and trailing commas are not errors.
    allowComments: true,
    allowTrailingCommas: true,
    ...rest,
  };
}

/** The schema as the committed file holds it: pretty JSON with a final newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
