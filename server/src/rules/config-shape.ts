/**
 * Checks of a config file's JSON shape that come before parsing it: its size, its nesting depth
 * and keys written twice in one object. One pass of jsonc-parser's scanner (no recursion), so a
 * file nested 50,000 deep gives a located error instead of a stack overflow in the parser, and a
 * duplicated key (which JSON silently resolves to the last one) is reported where it stands.
 */
import { createScanner, type SyntaxKind as ScannerKind } from 'jsonc-parser';
import { MAX_CONFIG_CHARS } from '../language/limits.js';

/** jsonc-parser's SyntaxKind is a `const enum`, which isolated modules cannot read: its values, by name. */
const SyntaxKind = {
  OpenBraceToken: 1,
  CloseBraceToken: 2,
  OpenBracketToken: 3,
  CloseBracketToken: 4,
  CommaToken: 5,
  StringLiteral: 10,
  LineCommentTrivia: 12,
  BlockCommentTrivia: 13,
  LineBreakTrivia: 14,
  Trivia: 15,
  EOF: 17,
} as const satisfies Record<string, ScannerKind>;

export { MAX_CONFIG_CHARS };
/** The deepest nesting read; the schema's own deepest setting is 4 levels down. */
export const MAX_CONFIG_DEPTH = 32;

/** The message for a config file past MAX_CONFIG_CHARS (a size in characters or bytes), else undefined. */
export function oversizedConfig(size: number): string | undefined {
  if (size <= MAX_CONFIG_CHARS) return undefined;
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return `This config file is ${mb(size)}; IPT Plan reads config files up to ${mb(MAX_CONFIG_CHARS)}. Keep large vocabularies smaller, or split them across folders.`;
}

export interface ShapeProblem {
  offset: number;
  length: number;
  message: string;
  /** The file cannot be parsed safely: report this and stop. */
  fatal?: boolean;
}

interface Frame {
  object: boolean;
  keys: Set<string>;
  /** In an object: the next string is a property name. */
  expectKey: boolean;
}

export function configShapeProblems(text: string): ShapeProblem[] {
  const tooLarge = oversizedConfig(text.length);
  if (tooLarge) return [{ offset: 0, length: 0, fatal: true, message: tooLarge }];
  const problems: ShapeProblem[] = [];
  const stack: Frame[] = [];
  const scanner = createScanner(text, false);
  for (let kind: number = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const top = stack[stack.length - 1];
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        if (stack.length >= MAX_CONFIG_DEPTH) {
          problems.push({
            offset: scanner.getTokenOffset(),
            length: 1,
            fatal: true,
            message: `The settings nest more than ${MAX_CONFIG_DEPTH} levels deep here; no IPT Plan setting is deeper than 4. Check the brackets and braces.`,
          });
          return problems;
        }
        stack.push({ object: kind === SyntaxKind.OpenBraceToken, keys: new Set(), expectKey: kind === SyntaxKind.OpenBraceToken });
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        stack.pop();
        if (stack.length > 0) stack[stack.length - 1].expectKey = false;
        break;
      case SyntaxKind.CommaToken:
        if (top?.object) top.expectKey = true;
        break;
      case SyntaxKind.StringLiteral:
        if (top?.object && top.expectKey) {
          const key = scanner.getTokenValue();
          if (top.keys.has(key)) {
            problems.push({
              offset: scanner.getTokenOffset(),
              length: scanner.getTokenLength(),
              message: `\`${key}\` is set twice in the same object, and only the last one would count. Keep one of them.`,
            });
          }
          top.keys.add(key);
          top.expectKey = false;
        }
        break;
      default:
        if (top?.object && kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia && kind !== SyntaxKind.LineBreakTrivia && kind !== SyntaxKind.Trivia) top.expectKey = false;
    }
  }
  return problems;
}
