/**
 * The grammar on every real plan: samples/ and samples/rules/ (and the plans in docs/language.md,
 * a render fixture with problems left in, and ../shared/design/examples when that folder is there).
 * For each file:
 * - every character the lexer reads has a scope of its own (nothing is left as plain `source.ipt`);
 * - the grammar splits the line where the project's lexer (server/src/language/lexer.ts) does, and
 *   gives each lexer token the matching class: strings, comments, numbers, commas, names;
 * - character by character, the grammar's class equals the class of the language server's semantic
 *   tokens (server/src/features/semantic-tokens.ts, built from the parser): keywords, each kind of
 *   vocabulary word, goal ids, numbers, dates, strings, comments, directives and rule ids. So the
 *   colours do not change when the server's tokens arrive.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IGrammar } from 'vscode-textmate';
import { analyse } from '../../../server/src/analyse.js';
import { semanticTokensData } from '../../../server/src/features/semantic-tokens.js';
import { lexPlan } from '../../../server/src/language/lexer.js';
import { decodeSemanticTokens } from '../features/semantic-decode.js';
import { flatScopes, iptGrammar, projectRoot, scopesPerChar, tokenizeLines, type Token } from './textmate.js';

let grammar: IGrammar;
beforeAll(async () => {
  grammar = await iptGrammar();
});

function iptFiles(dir: string): { name: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ipt'))
    .sort()
    .map((name) => ({ name: path.relative(projectRoot, path.join(dir, name)), text: readFileSync(path.join(dir, name), 'utf8') }));
}

/** The ```ipt blocks of docs/language.md. */
function docBlocks(): { name: string; text: string }[] {
  const doc = readFileSync(path.join(projectRoot, 'docs', 'language.md'), 'utf8');
  return [...doc.matchAll(/```ipt\n([\s\S]*?)```/g)].map((m, i) => ({ name: `docs/language.md block ${i + 1}`, text: m[1] }));
}

const samples = [...iptFiles(path.join(projectRoot, 'samples')), ...iptFiles(path.join(projectRoot, 'samples', 'rules'))];
const others = [...docBlocks(), ...iptFiles(path.join(projectRoot, 'test', 'unit', 'render', 'fixtures'))];
// The shared design examples are read when the folder is there (it is outside the project).
const shared = iptFiles(path.join(projectRoot, '..', 'shared', 'design', 'examples'));

/** The lexer's whitespace (lexer.ts `Whitespace`). */
const lexerSpace = /[ \t\f\v\u00a0\ufeff]/;

/** Scopes of every character of the file, by offset (line breaks get none). */
function charScopes(text: string): string[][] {
  const lines = tokenizeLines(grammar, text);
  const out: string[][] = [];
  const parts = text.split(/(\r\n|\r|\n)/);
  let line = 0;
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      for (const _ of parts[i]) out.push([]);
      continue;
    }
    const tokens: Token[] = lines[line++];
    out.push(...scopesPerChar(tokens, parts[i].length).map(flatScopes));
  }
  return out;
}

/** Offsets where the grammar starts a new token. */
function tokenStarts(text: string): Set<number> {
  const starts = new Set<number>();
  let offset = 0;
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines = tokenizeLines(grammar, text);
  let line = 0;
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) for (const token of lines[line++]) starts.add(offset + token.start);
    offset += parts[i].length;
    starts.add(offset);
  }
  return starts;
}

const has = (scopes: string[], prefix: string) => scopes.some((s) => s === prefix || s.startsWith(`${prefix}.`));

/** The grammar's class of one character, in the terms of the semantic-token legend. */
function grammarClass(scopes: string[]): string {
  if (has(scopes, 'comment.line.number-sign')) {
    if (has(scopes, 'entity.name.function.preprocessor')) return 'macro';
    if (has(scopes, 'entity.name.decorator.rule-id')) return 'decorator';
    return 'comment';
  }
  if (has(scopes, 'string.quoted.double')) return 'string';
  if (has(scopes, 'constant.numeric.date')) return 'number date';
  if (has(scopes, 'constant.numeric')) return 'number';
  const kinds: [string, string][] = [
    ['keyword.control', 'keyword'],
    ['entity.name.type.variant', 'type variant'],
    ['entity.name.type.problem-area', 'type area'],
    ['entity.name.type.class.instrument', 'class instrument'],
    ['variable.other.enummember.stage', 'enumMember stage'],
    ['variable.other.enummember.phase', 'enumMember phase'],
    ['variable.other.enummember.cadence', 'enumMember cadence'],
    ['variable.other.enummember.risk-level', 'enumMember risk'],
    ['variable.other.enummember.status', 'enumMember status'],
    ['variable.other.enummember.diagnosis-code', 'enumMember'],
    ['entity.name.function.task', 'function task'],
    ['entity.name.function.technique', 'function technique'],
    ['entity.name.variable.goal', 'variable declaration'],
    ['variable.other.readwrite.goal', 'variable'],
  ];
  return kinds.find(([prefix]) => has(scopes, prefix))?.[1] ?? '';
}

/** The semantic tokens' class of each character: type and the modifiers the grammar can know. */
function semanticClasses(text: string): string[] {
  const analysis = analyse(text);
  const classes: string[] = Array.from({ length: text.length }, () => '');
  const known = new Set(['declaration', 'date', 'variant', 'area', 'stage', 'phase', 'task', 'technique', 'instrument', 'cadence', 'risk', 'status']);
  for (const token of decodeSemanticTokens(semanticTokensData(analysis))) {
    const start = analysis.lines.lineStarts[token.line] + token.char;
    classes.fill([token.type, ...token.modifiers.filter((m) => known.has(m))].join(' '), start, start + token.length);
  }
  return classes;
}

/** Lines that hold a syntax error: there the server's tokens come from the lexer alone. */
function syntaxErrorLines(text: string): Set<number> {
  return new Set(analyse(text).diagnostics.filter((d) => d.rule === 'syntax').map((d) => d.range.start.line));
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length - 1;
}

function where(text: string, offset: number): string {
  const line = lineOf(text, offset);
  const lineText = text.split(/\r\n|\r|\n/)[line];
  const column = offset - text.slice(0, offset).lastIndexOf('\n') - 1;
  return `line ${line + 1}:${column + 1} \`${lineText}\``;
}

const expectedByTokenType: Record<string, string> = {
  String: 'string.quoted.double',
  UnterminatedString: 'string.quoted.double',
  Date: 'constant.numeric.date',
  Duration: 'constant.numeric.duration',
  Range: 'constant.numeric.range',
  Decimal: 'constant.numeric.decimal',
  Integer: 'constant.numeric.integer',
  Comma: 'punctuation.separator.comma',
};

/**
 * Checks one plan. The semantic comparison needs a plan the parser read whole (a fragment such as
 * a lone `session` block is dropped from the tree, so the server sends no tokens for it).
 */
function checkFile(text: string): void {
  const scopes = charScopes(text);
  const lexed = lexPlan(text);
  const starts = tokenStarts(text);
  const unread = syntaxErrorLines(text);
  const names = new Array<boolean>(text.length).fill(false);
  for (const t of lexed.tokens) if (t.tokenType.name === 'Identifier' || t.tokenType.name.startsWith('kw:')) names.fill(true, t.startOffset, t.startOffset + t.image.length);

  // What the lexer cannot read, as the server reports it: a date with slashes is one error over the
  // whole date; a `-` before a number is marked by the grammar with its number (`-2`).
  const invalid = lexed.unreadable.map((span) => {
    const negative = /^-[0-9]+(?:\.[0-9]+)?/.exec(text.slice(span.start));
    return negative ? { start: span.start, end: span.start + negative[0].length } : span;
  });
  // An unclosed string: the grammar marks its last character, unless it ends with an escape.
  for (const t of lexed.tokens) {
    if (t.tokenType.name !== 'UnterminatedString' || t.image.length < 2) continue;
    let i = 1;
    let escapeAtEnd = false;
    while (i < t.image.length) {
      const escape = t.image[i] === '\\' && (t.image[i + 1] === '"' || t.image[i + 1] === '\\');
      i += escape ? 2 : 1;
      escapeAtEnd = escape && i === t.image.length;
    }
    if (!escapeAtEnd) invalid.push({ start: t.startOffset + t.image.length - 1, end: t.startOffset + t.image.length });
  }
  const isInvalid = (i: number) => invalid.some((span) => span.start <= i && i < span.end);

  // 1. Every character the lexer reads is scoped (on a line with a syntax error a name where no
  //    name belongs may stay plain); exactly what the lexer cannot read is invalid.
  for (let i = 0; i < text.length; i++) {
    const own = scopes[i].filter((s) => !s.startsWith('meta.'));
    if (/[\r\n]/.test(text[i])) continue;
    if (lexerSpace.test(text[i])) continue;
    if (!(names[i] && unread.has(lineOf(text, i)))) expect(own, `${where(text, i)}: \`${text[i]}\` has no scope`).not.toEqual([]);
    expect(has(scopes[i], 'invalid.illegal'), `${where(text, i)}: \`${text[i]}\` invalid?`).toBe(isInvalid(i));
  }

  // 2. The lexer's tokens: the grammar starts and ends a token where the lexer does, with the same class.
  for (const token of lexed.tokens) {
    const type = token.tokenType.name;
    const start = token.startOffset;
    const end = start + token.image.length;
    if (type === 'Newline' || (type !== 'UnterminatedString' && isInvalid(start))) continue;
    const at = `${where(text, start)}: ${type} \`${token.image}\``;
    expect(starts.has(start) && starts.has(end), `${at} is not one grammar token`).toBe(true);
    const expected = expectedByTokenType[type];
    for (let i = start; i < end; i++) {
      if (expected) expect(has(scopes[i], expected), `${at}: ${scopes[i].join(' ')}`).toBe(true);
      else if (type === 'Identifier' || type.startsWith('kw:')) {
        // One word, one token: no string, number or comment scope inside a name.
        expect(['string', 'number', 'number date', 'comment'], at).not.toContain(grammarClass(scopes[i]));
        if (i > start) expect(starts.has(i), `${at} is split`).toBe(false);
      } else expect.unreachable(`unexpected token type ${type} at ${at}`);
    }
  }
  for (const comment of lexed.comments) {
    for (let i = comment.span.start; i < comment.span.end; i++) expect(has(scopes[i], 'comment.line.number-sign'), `${where(text, i)}: comment`).toBe(true);
  }
  // …and nothing else is a string or a comment.
  const inToken = new Array<boolean>(text.length).fill(false);
  for (const t of lexed.tokens) if (t.tokenType.name === 'String' || t.tokenType.name === 'UnterminatedString') inToken.fill(true, t.startOffset, t.startOffset + t.image.length);
  for (const c of lexed.comments) inToken.fill(true, c.span.start, c.span.end);
  for (let i = 0; i < text.length; i++) {
    if (!inToken[i]) expect(['string', 'comment', 'macro', 'decorator'], `${where(text, i)}: outside strings and comments`).not.toContain(grammarClass(scopes[i]));
  }

  // 3. The semantic tokens, character by character.
  if (unread.size > 0) return;
  const classes = semanticClasses(text);
  for (let i = 0; i < text.length; i++) {
    if (/[\r\n]/.test(text[i]) || unread.has(lineOf(text, i))) continue;
    expect(grammarClass(scopes[i]), `${where(text, i)}: \`${text[i]}\` (${scopes[i].join(' ')})`).toBe(classes[i]);
  }
}

describe('every sample plan', () => {
  it('there are samples to check', () => {
    expect(samples.length).toBeGreaterThanOrEqual(20);
    expect(samples.some((s) => s.name.startsWith('samples/rules/'))).toBe(true);
  });

  for (const { name, text } of samples) {
    it(`${name}: fully scoped, split as the lexer splits it, classed as the server classes it`, () => {
      expect(syntaxErrorLines(text).size, 'the sample reads without syntax errors').toBe(0);
      checkFile(text);
    });
  }
});

describe('other plans', () => {
  for (const { name, text } of others) {
    it(`${name}`, () => checkFile(text));
  }
  it.skipIf(shared.length === 0)('../shared/design/examples (when present)', () => {
    for (const { text } of shared) checkFile(text);
  });
});

describe('the checks themselves', () => {
  const plan = 'plan "x"\n  sessions 12 weekly\nphase initial sessions 1-3\n  session 1 "a"\n    task diagnosis\n';

  it('compare like with like: the server calls `diagnosis` after `task` a task, and so does the grammar', () => {
    const classes = semanticClasses(plan);
    const at = plan.lastIndexOf('diagnosis');
    expect(classes[at]).toBe('function task');
    expect(grammarClass(charScopes(plan)[at])).toBe('function task');
    expect(classes[plan.indexOf('task')]).toBe('keyword');
    expect(grammarClass(['keyword.control.diagnosis.ipt'])).toBe('keyword');
    checkFile(plan);
  });

  it('hold on lines with syntax errors too (lexer checks only)', () => {
    checkFile('note “curly” @ -2 09/03/2026\nscore PHQ-9 -1\nnote "open\nnote "esc \\"\nnote "\n# ipt-disable phi -- why\ntas x\n');
  });
});
