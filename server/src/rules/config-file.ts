/**
 * The shape of a `.iptrc.json` file, as the library's users see it. Written out here rather than
 * inferred from the zod schema (config-schema.ts), so the published type declarations need no zod:
 * the package has no runtime dependencies. config-schema.ts checks at compile time that the schema's
 * type and this one are the same, so the two cannot drift apart.
 */

/** `"off"`, or the severity a rule's diagnostics get. */
export type RuleSettingValue = 'off' | 'info' | 'warning' | 'error';

/** A required task's setting: a severity, `"off"` to stop requiring it, or a severity and the tasks that count instead. */
export type RequiredTaskConfig = RuleSettingValue | { severity?: RuleSettingValue; satisfiedBy?: string[] };

/** A variant to add, or a built-in one to override (`variants` in `.iptrc.json`). */
export interface VariantConfig {
  /** A variant whose values this one starts from (built in or defined in config). */
  extends?: string;
  title?: string;
  description?: string;
  /** Planned total: at least `min`, at most `max` (no upper bound without `max`). */
  sessions?: { min: number; max?: number };
  cadences?: ('weekly' | 'biweekly' | 'monthly')[];
  /** Most sessions the initial phase may take. */
  initialMax?: number;
  /** Fewest and most sessions in the termination phase. */
  termination?: { min: number; max: number };
  /** The tasks `initial-tasks` and `termination-tasks` require, by task id. */
  requiredTasks?: { initial?: Record<string, RequiredTaskConfig>; termination?: Record<string, RequiredTaskConfig> };
}

/** A word added to the vocabulary: its id, or its id with a title and description. */
export type VocabularyEntryConfig = string | { id: string; title?: string; description?: string };

/** A regular expression the `phi` rule also looks for (RE2 syntax: see docs/config.md). */
export interface PhiPatternConfig {
  /** What the pattern finds, shown in the message (e.g. "medical record number"). */
  name: string;
  /** RE2 syntax, without slashes: no lookaround or backreferences (RE2 always runs in linear time). */
  pattern: string;
  /** `i` ignores case, `m` makes `^` and `$` match at line ends, `s` lets `.` match a line break. */
  flags?: string;
}

/** Settings of the FHIR rendering. */
export interface FhirConfig {
  /** The identifier system of client codes (an absolute URI). */
  clientIdentifierSystem?: string;
  /** The code system of `diagnosis … code`. Default: "icd-10". */
  diagnosisCodeSystem?: 'icd-10' | 'icd-10-cm';
}

/** A `.iptrc.json` file (docs/config.md). Everything is optional: `{}` means the built-in defaults. */
export interface ConfigFile {
  $schema?: string;
  /** true: stop looking for `.iptrc.json` files in the folders above this one. */
  root?: boolean;
  /** Per-rule setting by rule id, e.g. `{ "phi": "error" }`. */
  rules?: { [rule: string]: RuleSettingValue | undefined };
  /** The variant of plans that do not set `variant`. Default: acute. */
  variant?: string;
  variants?: Record<string, VariantConfig>;
  /** Words to add to the built-in IPT vocabulary. */
  vocabulary?: {
    techniques?: VocabularyEntryConfig[];
    tasks?: { id: string; phases: ('initial' | 'middle' | 'termination')[]; title?: string; description?: string }[];
    instruments?: { id: string; min: number; max: number; title?: string; description?: string }[];
    problemAreas?: VocabularyEntryConfig[];
  };
  phi?: { patterns?: PhiPatternConfig[]; allow?: string[] };
  fhir?: FhirConfig;
}
