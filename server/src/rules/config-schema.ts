/**
 * The `.iptrc.json` schema (zod). `schemas/iptrc.schema.json` is generated from it at build time
 * (see config-json-schema.ts), so every `describe()` here is also the hover text in VS Code.
 * Everything is optional: an empty config means the built-in defaults.
 *
 * Only checks that need nothing but this one file live here. Checks that need the merged cascade
 * (a variant's `extends`, a new variant's missing values, the default `variant`) live in config.ts.
 */
import * as z from 'zod';
import type { ConfigFile, VariantConfig } from './config-file.js';
import { allRules } from './registry.js';
import { compileWorkspacePattern, FLAGS_MESSAGE, PATTERN_FLAGS } from './workspace-pattern.js';

/** The language's identifier form (LANGUAGE.md "Tokens"): a vocabulary id must be writable in a plan. */
export const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*$/;

/** Rules that the configuration cannot change: `syntax` is always an error, `internal-error` always shown. */
export const UNCONFIGURABLE_RULES: ReadonlySet<string> = new Set(['syntax', 'internal-error']);

const identifier = (what: string) =>
  z.string().regex(IDENTIFIER, {
    message: `${what} must be written like a plan identifier: a letter, then letters or digits, parts joined by "-" or "." (e.g. "loss-of-healthy-self", "PCL-5").`,
  });

export const ruleSettingSchema = z
  .enum(['off', 'info', 'warning', 'error'])
  .describe('"off" turns the rule off; otherwise the severity its diagnostics get.');

/** One optional setting per configurable rule, so editors complete rule ids and flag typos. */
const rulesSchema = z
  .object(
    Object.fromEntries(
      allRules
        .filter((rule) => !UNCONFIGURABLE_RULES.has(rule.id))
        .map((rule) => [rule.id, ruleSettingSchema.optional().describe(`${rule.description} Default: "${rule.defaultSeverity}".`)]),
    ),
  )
  .strict()
  .describe('Per-rule setting by rule id, e.g. { "phi": "error", "session-dates": "off" }. `syntax` cannot be configured.');

const nonNegativeInt = z.number().int().min(0);

const boundsSchema = (what: string) =>
  z
    .object({ min: nonNegativeInt, max: nonNegativeInt.optional() })
    .strict()
    .refine((b) => b.max === undefined || b.min <= b.max, {
      message: `The ${what} \`min\` is greater than its \`max\`: make \`min\` the smaller number.`,
      path: ['max'],
    });

/** A required task's setting: a severity, "off" to stop requiring it, or a severity and the tasks that count instead. */
const requiredTaskSetting = z.union([
  z.enum(['off', 'info', 'warning', 'error']),
  z
    .object({
      severity: z.enum(['off', 'info', 'warning', 'error']).optional().describe('How much a missing task matters; "off" stops requiring it.'),
      satisfiedBy: z
        .array(identifier('A task id'))
        .optional()
        .describe('Other tasks that count as this one, e.g. ["closeness-circle"] for the inventory.'),
    })
    .strict(),
]);

const requiredTasksOfPhase = (phase: string) =>
  z
    .record(identifier('A task id'), requiredTaskSetting)
    .optional()
    .describe(`Tasks the ${phase} phase must hold, by task id (merged over the variant this one starts from).`);

export const variantSchema = z
  .object({
    extends: z
      .string()
      .optional()
      .describe('A variant whose values this one starts from (built in or defined in config). A new variant without `extends` must set sessions, cadences, initialMax and termination.'),
    title: z.string().optional().describe('A short name shown in hover and completion, e.g. "IPT for PTSD".'),
    description: z.string().optional().describe('Shown in hover and completion.'),
    sessions: boundsSchema('sessions')
      .optional()
      .describe('Planned total: at least `min`, at most `max` (no upper bound when `max` is left out).'),
    cadences: z
      .array(z.enum(['weekly', 'biweekly', 'monthly']))
      .min(1)
      .optional()
      .describe('Cadences the variant allows.'),
    initialMax: nonNegativeInt.optional().describe('Most sessions the initial phase may take.'),
    termination: z
      .object({ min: nonNegativeInt, max: nonNegativeInt })
      .strict()
      .refine((b) => b.min <= b.max, {
        message: 'The termination `min` is greater than its `max`: make `min` the smaller number.',
        path: ['max'],
      })
      .optional()
      .describe('Fewest and most sessions in the termination phase.'),
    requiredTasks: z
      .object({ initial: requiredTasksOfPhase('initial'), termination: requiredTasksOfPhase('termination') })
      .strict()
      .optional()
      .describe(
        'The tasks `initial-tasks` and `termination-tasks` require of this variant: per task id a severity, "off" to stop requiring it, or { "severity", "satisfiedBy" }. E.g. { "initial": { "interpersonal-inventory": "warning", "sick-role": "off" } }.',
      ),
  })
  .strict();

const vocabularyEntry = (what: string) =>
  z.union([
    identifier(what),
    z
      .object({ id: identifier(what), title: z.string().optional(), description: z.string().optional() })
      .strict(),
  ]);

const phiPatternSchema = z
  .object({
    name: z.string().min(1).describe('What the pattern finds, shown in the message (e.g. "medical record number").'),
    pattern: z
      .string()
      .min(1)
      .describe('A regular expression in RE2 syntax, without the surrounding slashes (no lookaround or backreferences: RE2 always runs in linear time).'),
    flags: z
      .string()
      .regex(PATTERN_FLAGS, { message: FLAGS_MESSAGE })
      .optional()
      .describe('Flags: "i" ignores case, "m" makes ^ and $ match at line ends, "s" lets . match a line break.'),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.flags !== undefined && !PATTERN_FLAGS.test(p.flags)) return; // reported by `flags` itself
    const compiled = compileWorkspacePattern(p.pattern, p.flags);
    if ('error' in compiled) ctx.addIssue({ code: 'custom', path: [compiled.at], message: compiled.error });
  });

export const configSchema = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema for editors; ignored by IPT Plan.'),
    root: z
      .boolean()
      .optional()
      .describe('true: stop looking for .iptrc.json files in the folders above this one.'),
    rules: rulesSchema.optional(),
    variant: identifier('A variant name')
      .optional()
      .describe('The variant used by plans that do not set `variant`. Default: acute.'),
    variants: z
      .record(identifier('A variant name'), variantSchema)
      .optional()
      .describe('Variants to add, or built-in ones to override (by name).'),
    vocabulary: z
      .object({
        techniques: z.array(vocabularyEntry('A technique id')).optional().describe('Extra techniques accepted by the `technique` rule.'),
        tasks: z
          .array(
            z
              .object({
                id: identifier('A task id'),
                phases: z.array(z.enum(['initial', 'middle', 'termination'])).min(1),
                title: z.string().optional(),
                description: z.string().optional(),
              })
              .strict(),
          )
          .optional()
          .describe('Extra tasks, with the phases they belong to.'),
        instruments: z
          .array(
            z
              .object({
                id: identifier('An instrument id'),
                min: z.number(),
                max: z.number(),
                title: z.string().optional(),
                description: z.string().optional(),
              })
              .strict()
              .refine((r) => r.min <= r.max, {
                message: 'The instrument\'s `min` is greater than its `max`: make `min` the lowest possible score.',
                path: ['max'],
              }),
          )
          .optional()
          .describe('Extra instruments with their score range.'),
        problemAreas: z
          .array(vocabularyEntry('A problem area id'))
          .optional()
          .describe('Extra problem areas for IPT adaptations (e.g. loss-of-healthy-self).'),
      })
      .strict()
      .optional()
      .describe('Words to add to the built-in IPT vocabulary. An id that already exists is updated.'),
    phi: z
      .object({
        patterns: z
          .array(phiPatternSchema)
          .optional()
          .describe('Extra regular expressions for identifying data (RE2 syntax).'),
        allow: z.array(z.string()).optional().describe('Exact strings never reported (e.g. the clinic front-desk number).'),
      })
      .strict()
      .optional()
      .describe('Settings of the `phi` rule, which looks for identifying data in strings.'),
    fhir: z
      .object({
        clientIdentifierSystem: z
          .string()
          .regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/, {
            message: 'The identifier system must be an absolute URI without spaces, e.g. "https://clinic.example.org/fhir/sid/client-code" or "urn:oid:1.2.3.4".',
          })
          .optional()
          .describe(
            'The FHIR identifier system of client codes (`subject.identifier.system`): an absolute URI your organisation controls, so the code is unique. Default: "https://ipt-plan.dev/fhir/sid/client-code".',
          ),
        diagnosisCodeSystem: z
          .enum(['icd-10', 'icd-10-cm'])
          .optional()
          .describe('The code system of `diagnosis … code`: "icd-10" (WHO ICD-10, http://hl7.org/fhir/sid/icd-10) or "icd-10-cm" (the United States\' ICD-10-CM, http://hl7.org/fhir/sid/icd-10-cm). Default: "icd-10".'),
      })
      .strict()
      .optional()
      .describe('Settings of `ipt render --to fhir` (the FHIR R4 CarePlan).'),
  })
  .strict();

export type { ConfigFile, FhirConfig, VariantConfig } from './config-file.js';

// The public types (config-file.ts) are written out so the package's declarations need no zod; these
// lines stop the build when they and the schema disagree. Fix whichever of the two is wrong.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const configFileMatchesSchema: Same<z.infer<typeof configSchema>, ConfigFile> = true;
const variantConfigMatchesSchema: Same<z.infer<typeof variantSchema>, VariantConfig> = true;
void configFileMatchesSchema;
void variantConfigMatchesSchema;
