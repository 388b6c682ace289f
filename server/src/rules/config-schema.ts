/**
 * The `.iptrc.json` schema (zod). `schemas/iptrc.schema.json` is generated from it at build time.
 * Everything is optional: an empty config means the built-in defaults.
 */
import { z } from 'zod';

export const ruleSettingSchema = z
  .enum(['off', 'info', 'warning', 'error'])
  .describe('"off" turns the rule off; otherwise the severity its diagnostics get.');

const nonNegativeInt = z.number().int().min(0);

export const variantSchema = z
  .object({
    extends: z.string().optional().describe('A variant whose values this one starts from (built in or defined here).'),
    description: z.string().optional().describe('Shown in hover and completion.'),
    sessions: z
      .object({ min: nonNegativeInt, max: nonNegativeInt.optional() })
      .strict()
      .optional()
      .describe('Planned total: at least `min`, at most `max` (no upper bound when `max` is left out).'),
    cadences: z.array(z.enum(['weekly', 'biweekly', 'monthly'])).min(1).optional().describe('Cadences the variant allows.'),
    initialMax: nonNegativeInt.optional().describe('Most sessions the initial phase may take.'),
    termination: z
      .object({ min: nonNegativeInt, max: nonNegativeInt })
      .strict()
      .optional()
      .describe('Fewest and most sessions in the termination phase.'),
  })
  .strict();

const vocabularyEntry = z.union([
  z.string(),
  z.object({ id: z.string(), description: z.string().optional() }).strict(),
]);

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z
      .record(z.string(), ruleSettingSchema)
      .optional()
      .describe('Per-rule setting by rule id, e.g. { "phi": "error", "session-dates": "off" }.'),
    variant: z.string().optional().describe('The variant used by plans that do not set `variant`. Default: acute.'),
    variants: z.record(z.string(), variantSchema).optional().describe('Variants to add, or built-in ones to override.'),
    vocabulary: z
      .object({
        techniques: z.array(vocabularyEntry).optional().describe('Extra techniques accepted by the `technique` rule.'),
        tasks: z
          .array(
            z
              .object({
                id: z.string(),
                phases: z.array(z.enum(['initial', 'middle', 'termination'])).min(1),
                description: z.string().optional(),
              })
              .strict(),
          )
          .optional()
          .describe('Extra tasks, with the phases they belong to.'),
        instruments: z
          .array(
            z
              .object({ id: z.string(), min: z.number(), max: z.number(), description: z.string().optional() })
              .strict(),
          )
          .optional()
          .describe('Extra instruments with their score range.'),
        problemAreas: z.array(vocabularyEntry).optional().describe('Extra problem areas (e.g. loss-of-healthy-self).'),
      })
      .strict()
      .optional(),
    phi: z
      .object({
        patterns: z
          .array(z.object({ name: z.string(), pattern: z.string(), flags: z.string().optional() }).strict())
          .optional()
          .describe('Extra regular expressions for identifying data (JavaScript syntax).'),
        allow: z.array(z.string()).optional().describe('Exact strings never reported (e.g. the clinic front-desk number).'),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;
