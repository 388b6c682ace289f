/** Help texts: `ipt --help` and `ipt <command> --help`. Kept in one place so docs/cli.md can mirror them. */
import { TOOL_HOME } from '../version.js';

export const commandSummaries: [string, string][] = [
  ['lint', 'Check plans against the IPT rules'],
  ['fmt', 'Rewrite plans in the canonical layout'],
  ['render', 'Render a plan as HTML, Markdown or a FHIR R4 CarePlan'],
  ['new', 'Write a skeleton plan for a variant and a problem area'],
  ['rules', 'List every rule with its default severity and documentation'],
];

export const mainHelp = `Usage: ipt <command> [options]

Language tools for Interpersonal Psychotherapy (IPT) treatment plans (.ipt files).

Commands:
${commandSummaries.map(([name, summary]) => `  ${name.padEnd(8)}${summary}`).join('\n')}

Options:
  -h, --help     Show help (also: ipt <command> --help)
  -v, --version  Show the version

Exit codes: 0 success, 1 problems found, 2 usage, configuration or I/O error.
Documentation: ${TOOL_HOME}/blob/main/docs/cli.md
`;

export const commandHelp: Record<string, string> = {
  lint: `Usage: ipt lint [options] [files, folders, globs, !exclusions...]
       ipt lint [options] - [--stdin-filename FILE] < plan.ipt

Checks plans against the IPT rules. With no paths, every **/*.ipt file under the current folder,
skipping files covered by .gitignore files (root and nested), node_modules and .git.
A path that starts with ! leaves out what it matches, wherever it stands: a file, or a folder and
everything in it ('!archive/**', '!**/draft-*.ipt'). Only ! paths: every plan but those. Quote them.

Options:
  -f, --format NAME         stylish (default), json, sarif, github, gitlab or junit
  -c, --config FILE         A .iptrc.json used as the base below the discovered ones
      --rule ID:SETTING     Set a rule for this run (off, info, warning, error), over .iptrc.json;
                            repeatable, e.g. --rule phi:error --rule placeholder:off
      --fix                 Apply the safe fixes and format each plan (never touches a plan with syntax errors)
  -q, --quiet               Report errors only
      --max-warnings N      Exit with 1 when there are more than N warnings
      --no-inline-config    Ignore # ipt-disable comments in plans
  -o, --output FILE         Write the report to FILE instead of standard output (also --output-file)
      --color, --no-color   Colour the report or not (default: on a terminal; FORCE_COLOR, NO_COLOR)
      --ignore-path FILE    An extra ignore file (written like .gitignore)
      --ignore-pattern PAT  Ignore files matching PAT (repeatable; .gitignore syntax)
      --no-ignore           Do not read .gitignore files or --ignore-path
  -, --stdin                Lint a plan read from standard input
      --stdin-filename F    Where that plan belongs: its name, its .iptrc.json and ignore rules
  -h, --help                Show this help

A file named on the command line but covered by an ignore rule or a ! path is skipped with a
warning; use --no-ignore to lint an ignored one anyway.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 usage, configuration or I/O error.
`,
  fmt: `Usage: ipt fmt [--check] [files, folders, globs, !exclusions...]
       ipt fmt [--check] - [--stdin-filename FILE] [-o OUT] < plan.ipt

Rewrites plans in the canonical layout (2-space indentation, one blank line between sections).
Only whitespace changes; every word and comment is kept. Plans with syntax errors are refused.
Paths are chosen as in ipt lint: a path that starts with ! leaves out what it matches, and fmt
never reads or writes an excluded plan, e.g. ipt fmt '**/*.ipt' '!archive/**'.

Options:
      --check               List the plans that would change and exit with 1; write nothing
  -, --stdin                Format standard input to standard output (with --check: exit 1 if it would change)
      --stdin-filename F    Where that plan belongs: its name and ignore rules (if ignored or
                            excluded, the plan comes back unchanged)
  -o, --output FILE         With -: write the formatted plan to FILE (named plans change in place)
      --ignore-path FILE    An extra ignore file (written like .gitignore)
      --ignore-pattern PAT  Ignore files matching PAT (repeatable)
      --no-ignore           Do not read .gitignore files or --ignore-path
  -h, --help                Show this help

Exit codes: 0 all formatted, 1 --check found plans to format, 2 usage or I/O error, or a plan
with syntax errors.
`,
  render: `Usage: ipt render FILE --to html|markdown|fhir [-o OUT]
       ipt render - --to html|markdown|fhir [--stdin-filename FILE] [-o OUT] < plan.ipt

Renders one plan (a file, or - for standard input). Without -o the result goes to standard output.

Options:
  -t, --to FORMAT           html, markdown or fhir (a FHIR R4 CarePlan as JSON, its resources contained)
  -o, --output FILE         Write to FILE
  -c, --config FILE         A .iptrc.json used as the base below the discovered ones
  -, --stdin                Render a plan read from standard input
      --stdin-filename F    Where that plan belongs: its name in messages and its .iptrc.json
  -h, --help                Show this help
`,
  new: `Usage: ipt new --variant VARIANT --focus AREA [--client CODE] [--start DATE] [-o FILE]

Writes a skeleton plan: the variant's session count and phases, the required initial and
termination tasks, a measure at the first and last session, a risk line and two placeholder
goals. Replace every TODO. Without -o the plan goes to standard output; an existing file is
never overwritten.

Options:
      --variant VARIANT     acute, adolescent, brief, group, maintenance (or one from .iptrc.json)
      --focus AREA          grief, role-dispute, role-transition, interpersonal-deficits (or from config)
      --client CODE         The client's code, e.g. C-0142 (never a name); default C-0000
      --start DATE          The first session's date, YYYY-MM-DD (written as \`start\`)
  -o, --output FILE         Write the plan to FILE
  -c, --config FILE         A .iptrc.json used as the base below the discovered ones
  -h, --help                Show this help
`,
  rules: `Usage: ipt rules [--format text|json] [-o OUT]

Lists every rule: id, default severity, what it checks and its documentation page.

Options:
  -f, --format NAME         text (default) or json
  -o, --output FILE         Write the list to FILE
  -h, --help                Show this help
`,
};
