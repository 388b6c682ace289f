/**
 * The generated language files (syntaxes/*.json from syntaxes/src/): up to date, in step with the
 * lexer and parser, with linear patterns, a working language configuration, and snippets that name
 * only catalogue words and expand to plans the rules accept.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { builtinCatalogue } from '../../../server/src/language/catalogue.js';
import { ruleForKeyword } from '../../../server/src/language/grammar.js';
import { keywordSpellings } from '../../../server/src/language/lexer.js';
import { directiveWords, keywordScope, statementShapes } from '../../../syntaxes/src/grammar.js';
import { languageFiles } from '../../../syntaxes/src/index.js';
import { projectRoot } from './textmate.js';

const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');
const grammar = JSON.parse(read('syntaxes/ipt.tmLanguage.json'));
const configuration = JSON.parse(read('syntaxes/language-configuration.json'));
const snippets: Record<string, { prefix: string; description: string; body: string[] }> = JSON.parse(read('syntaxes/ipt.snippets.json'));

describe('the generated files', () => {
  it('are up to date with syntaxes/src (run `npm run build` to refresh them)', () => {
    for (const [file, text] of Object.entries(languageFiles())) expect(read(file), `${file} is stale: run \`npm run build\``).toBe(text);
  });

  it('match the manifest: language id, scope name and paths', () => {
    const manifest = JSON.parse(read('package.json'));
    expect(grammar.scopeName).toBe(manifest.contributes.grammars[0].scopeName);
    expect(`./${path.posix.join('syntaxes', 'ipt.tmLanguage.json')}`).toBe(manifest.contributes.grammars[0].path);
    expect(manifest.contributes.languages[0].configuration).toBe('./syntaxes/language-configuration.json');
    expect(manifest.contributes.snippets[0].path).toBe('./syntaxes/ipt.snippets.json');
  });
});

describe('the grammar source follows the language', () => {
  it('has a shape for every statement keyword of the parser, and only for those', () => {
    expect(Object.keys(statementShapes).sort()).toEqual(Object.keys(ruleForKeyword).sort());
  });

  it('knows every keyword of the lexer, at the start of a line or inside a statement', () => {
    const inner = Object.values(statementShapes).flatMap((shape) => (shape.inner ?? []).map((i) => i.keyword));
    for (const keyword of keywordSpellings) {
      expect(keyword in statementShapes || inner.includes(keyword), keyword).toBe(true);
      expect(JSON.stringify(grammar)).toContain(keywordScope(keyword));
    }
  });

  it('reads the directive words of the suppressions module', () => {
    const suppressions = read('server/src/rules/suppressions.ts');
    for (const word of directiveWords) expect(suppressions).toContain(`'${word}'`);
    expect(suppressions).not.toMatch(/'ipt-disable-line'/);
  });
});

/** Every regular expression of the grammar. */
function grammarPatterns(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) grammarPatterns(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') out.push(value);
      else grammarPatterns(value, out);
    }
  }
  return out;
}

/**
 * Finds an unbounded quantifier (`*`, `+`, `{n,}`) applied to a group that itself holds one: the
 * shape behind catastrophic backtracking. Also reports possessive quantifiers (see patterns.ts).
 */
function nestedQuantifiers(pattern: string): string[] {
  const problems: string[] = [];
  const stack: boolean[] = []; // per open group: does it hold an unbounded quantifier?
  for (let i = 0; i < pattern.length; i++) {
    // One atom: an escape, a character class, a group's end, or a plain character.
    let closedGroupHeld = false;
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (pattern[i] === '(') {
      stack.push(false);
      continue;
    } else if (pattern[i] === ')') closedGroupHeld = stack.pop() ?? false;
    // …and the quantifier after it.
    const quantifier = /^(\*|\+|\{\d*,\}|\?|\{\d+(?:,\d+)?\})(\+)?/.exec(pattern.slice(i + 1));
    const unbounded = quantifier !== null && /^(\*|\+|\{\d*,\})$/.test(quantifier[1]);
    if (unbounded && closedGroupHeld) problems.push(`nested quantifier at ${i + 1}`);
    if (quantifier?.[2]) problems.push(`possessive quantifier at ${i + 1}`);
    if ((unbounded || closedGroupHeld) && stack.length > 0) stack[stack.length - 1] = true;
    if (quantifier) i += quantifier[0].length;
  }
  return problems;
}

describe('linear patterns', () => {
  it('the checker finds a nested quantifier', () => {
    expect(nestedQuantifiers('(?:[-.][A-Za-z0-9]+)*')).toEqual(['nested quantifier at 20']);
    expect(nestedQuantifiers('(a(b+))+')).not.toEqual([]);
    expect(nestedQuantifiers('[a+]*(?:x|y)*[0-9]{4}')).toEqual([]);
    expect(nestedQuantifiers('a*+')).toEqual(['possessive quantifier at 1']);
  });

  it('no pattern of the grammar nests an unbounded quantifier in another', () => {
    const patterns = grammarPatterns(grammar);
    expect(patterns.length).toBeGreaterThan(30);
    for (const pattern of patterns) expect(nestedQuantifiers(pattern), pattern).toEqual([]);
  });
});

describe('the language configuration', () => {
  const word = new RegExp(configuration.wordPattern.pattern, `${configuration.wordPattern.flags}g`);
  const wordsOf = (text: string) => text.match(word) ?? [];
  const opener = new RegExp(configuration.indentationRules.increaseIndentPattern);

  it('comments with `#`, closes and surrounds double quotes', () => {
    expect(configuration.comments).toEqual({ lineComment: '#' });
    expect(configuration.autoClosingPairs).toEqual([{ open: '"', close: '"', notIn: ['string', 'comment'] }]);
    expect(configuration.surroundingPairs).toEqual([['"', '"']]);
    expect(configuration.autoCloseBefore).toContain(' ');
    expect(configuration.autoCloseBefore).not.toMatch(/[A-Za-z0-9"]/);
  });

  it('takes names with `-` and `.` inside, dates, ranges and durations as one word', () => {
    expect(wordsOf('task role-dispute, PHQ-9 code F33.1 at 4-13 start 2026-02-02 50min')).toEqual([
      'task', 'role-dispute', 'PHQ-9', 'code', 'F33.1', 'at', '4-13', 'start', '2026-02-02', '50min',
    ]);
  });

  it('leaves a full stop, a trailing hyphen and quotes out of a word, and reads letters of any language', () => {
    expect(wordsOf('note "Went well. Next-" café naïve')).toEqual(['note', 'Went', 'well', 'Next', 'café', 'naïve']);
    expect(wordsOf('targets G1,G2')).toEqual(['targets', 'G1', 'G2']);
  });

  it('indents after a block opener line, whatever follows on it', () => {
    for (const line of ['plan "C-0142"', 'focus grief "x"', '  risk low "x"', 'phase initial sessions 1-3', '  session 4-7 "x" # c', '\tsession', 'risk moderate "a" safety-plan "b"']) {
      expect(opener.test(line), line).toBe(true);
    }
    for (const line of ['sessions 16 weekly', 'planned', '# plan', '  safety-plan "x"', 'phases', 'session-1', 'measure PHQ-9 every 4', '    task sick-role', 'note "session"']) {
      expect(opener.test(line), line).toBe(false);
    }
    expect(configuration.onEnterRules).toEqual([{ beforeText: configuration.indentationRules.increaseIndentPattern, action: { indent: 'indent' } }]);
  });

  it('never outdents as one types (the level depends on the block above, which a pattern cannot see)', () => {
    const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
    for (const line of ['phase middle sessions 4-13', 'focus grief "x"', 'plan "x"', '', 'session 2']) expect(decrease.test(line)).toBe(false);
  });
});

// ---------------------------------------------------------------- snippets

/** Expands VS Code snippet syntax: each placeholder takes its default (or its first choice, or `choose`). */
function expand(body: string, choose: Record<number, string> = {}): string {
  const variables: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '02', CURRENT_DATE: '09' };
  let out = '';
  let i = 0;
  const text = (stopAt: string): string => {
    let result = '';
    while (i < body.length && !stopAt.includes(body[i])) {
      if (body[i] === '\\') {
        result += body[i + 1];
        i += 2;
      } else if (body[i] === '$') result += dollar();
      else result += body[i++];
    }
    return result;
  };
  const dollar = (): string => {
    i++; // $
    const plain = /^(\d+|[A-Z_]+)/.exec(body.slice(i));
    if (plain) {
      i += plain[0].length;
      return /^\d/.test(plain[0]) ? '' : variables[plain[0]];
    }
    expect(body[i]).toBe('{');
    i++;
    const head = /^(\d+|[A-Z_]+)/.exec(body.slice(i))![0];
    i += head.length;
    let value = '';
    if (body[i] === ':') {
      i++;
      value = text('}');
    } else if (body[i] === '|') {
      i++;
      const choices: string[] = [];
      let current = '';
      while (body[i] !== '|') {
        if (body[i] === '\\') {
          current += body[i + 1];
          i += 2;
        } else if (body[i] === ',') {
          choices.push(current);
          current = '';
          i++;
        } else current += body[i++];
      }
      choices.push(current);
      i++; // |
      value = choose[Number(head)] ?? choices[0];
      expect(choices, `choice ${head}`).toContain(value);
    } else value = /^\d/.test(head) ? '' : variables[head];
    expect(body[i]).toBe('}');
    i++;
    return value;
  };
  out = text('');
  return out;
}

/** The choice lists of a snippet, by tab stop. */
function choices(body: string): Map<number, string[]> {
  const found = new Map<number, string[]>();
  for (const m of body.matchAll(/\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/g)) found.set(Number(m[1]), m[2].split(/(?<!\\),/).map((v) => v.replace(/\\(.)/g, '$1')));
  return found;
}

const bodyOf = (name: string) => snippets[name].body.join('\n').replace(/\t/g, '  ');
const ids = (entries: { id: string }[]) => entries.map((e) => e.id).sort();

describe('the snippets', () => {
  it('each have a prefix, a description and a body; prefixes are unique', () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const [name, snippet] of Object.entries(snippets)) {
      expect(snippet.prefix, name).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(snippet.description, name).toMatch(/^Template: /);
      expect(snippet.body.length, name).toBeGreaterThan(0);
    }
  });

  it('cover a phase of each kind, a session, a measure, risk with a safety plan, a focus and a goal', () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    expect(prefixes).toEqual(
      expect.arrayContaining(['initial-phase', 'middle-phase', 'termination-phase', 'held-session', 'measure-every', 'measure-at', 'risk-with-safety-plan', 'focus-with-goals', 'new-goal']),
    );
  });

  it('never share a label with the language server\'s completions (keywords, `phase …`, `session …`, `plan: …`)', () => {
    const snippetsSource = read('server/src/features/completion-snippets.ts');
    expect(snippetsSource).toContain('label: `phase ${name}`');
    expect(snippetsSource).toContain('label: `session ${number}`');
    for (const { prefix } of Object.values(snippets)) {
      expect(keywordSpellings as readonly string[]).not.toContain(prefix);
      expect(prefix).not.toMatch(/^(plan:|phase |session )/);
    }
  });

  it('offer exactly the catalogue\'s words in their choices', () => {
    const all = Object.values(snippets).flatMap((s) => [...choices(s.body.join('\n')).values()]);
    const sorted = (list: string[]) => [...list].sort();
    const lists = all.map(sorted).map((l) => JSON.stringify(l));
    for (const expected of [
      ids(builtinCatalogue.instruments),
      ids(builtinCatalogue.techniques),
      ids(builtinCatalogue.problemAreas),
      ids(builtinCatalogue.stages),
      ids(builtinCatalogue.statuses),
      ids(builtinCatalogue.riskLevels),
    ]) {
      expect(lists, expected.join(',')).toContain(JSON.stringify(expected));
    }
    const extraTermination = builtinCatalogue.tasks.filter((t) => t.phases.join() === 'termination').map((t) => t.id);
    expect(extraTermination).toEqual(expect.arrayContaining(choices(bodyOf('Termination phase')).get(5)!));
  });

  it('expand, with their defaults, to a whole plan with no diagnostics at all', () => {
    const plan = [
      'plan "C-0142 acute IPT"',
      '  client "C-0142"',
      '  clinician "J. Rivera, LCSW"',
      '  variant acute',
      '  diagnosis "Major depressive disorder, recurrent, moderate" code F33.1',
      '  sessions 16 weekly 50min',
      '',
      expand(bodyOf('Focus with goals')),
      expand(bodyOf('Measure every N sessions')),
      expand(bodyOf('Risk with safety plan')),
      expand(bodyOf('Initial phase')),
      expand(bodyOf('Middle phase')),
      expand(bodyOf('Termination phase')),
    ].join('\n');
    // The middle-phase snippet's session titles default to `TODO: work on G1`, text to overtype: the
    // `placeholder` rule reminds of them until they are written, and nothing else is reported.
    const found = analyse(plan).diagnostics.filter((d) => !(d.rule === 'placeholder' && plan.slice(d.span.start, d.span.end) === 'TODO'));
    expect(found.map((d) => `${d.range.start.line + 1} ${d.rule}: ${d.message}`), plan).toEqual([]);
  });

  it('expand with every choice to lines the rules accept', () => {
    const base = (focus: string, measure: string, risk: string, session: string, goal: string) =>
      [
        'plan "C-0142 acute IPT"',
        '  client "C-0142"',
        '  variant acute',
        '  diagnosis "MDD" code F33.1',
        '  sessions 16 weekly',
        '  start 2026-02-09',
        focus,
        goal,
        measure,
        'measure PHQ-9 every 4',
        risk,
        'phase initial sessions 1-3',
        session,
      ].join('\n');
    const checked = new Set(['syntax', 'focus-area', 'dispute-stage', 'technique', 'task', 'unknown-value', 'score-range', 'goal-reference', 'phi', 'risk-assessment', 'plan-header', 'variant']);
    const variants: string[] = [];
    for (const [name, snippet] of Object.entries(snippets)) {
      for (const [stop, values] of choices(snippet.body.join('\n'))) for (const value of values) variants.push(`${name}\u0000${stop}\u0000${value}`);
    }
    for (const entry of variants) {
      const [name, stop, value] = entry.split('\u0000');
      const text = expand(bodyOf(name), { [Number(stop)]: value });
      const part = (snippet: string, fallback: string) => (name === snippet ? text : fallback);
      const plan = base(
        part('Focus with goals', part('Role dispute focus', 'focus grief "x"\n  goal G9 "x"')),
        part('Measure every N sessions', part('Measure at sessions', '')),
        part('Risk with safety plan', 'risk low "x"'),
        part('Held session', '  session 1 "x"'),
        part('New goal', ''),
      );
      const wrapped = ['Initial phase', 'Middle phase', 'Termination phase'].includes(name) ? `${plan}\n${text}` : plan;
      const found = analyse(wrapped)
        .diagnostics.filter((d) => checked.has(d.rule) && d.severity === 'error')
        .filter((d) => !(d.rule === 'goal-reference'))
        .map((d) => `${d.rule}: ${d.message}`);
      expect(found, `${name} with ${value}:\n${wrapped}`).toEqual([]);
    }
    expect(variants.length).toBeGreaterThan(40);
  });

  it('date a held session today, and escape what snippet syntax would read', () => {
    expect(bodyOf('Held session')).toContain('date ${3:${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}}');
    expect(expand(bodyOf('Held session'))).toContain('date 2026-02-09');
    expect(expand('note "a \\$ b \\} c"')).toBe('note "a $ b } c"');
  });
});
