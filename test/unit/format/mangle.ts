/**
 * Re-indents and re-spaces a plan without changing its meaning or its comment attachment: random
 * indentation, spacing between tokens and around commas, trailing whitespace and extra blank lines
 * between two statements. The formatter must undo all of it.
 */
import { lexPlan } from '../../../server/src/language/lexer.js';
import { LineIndex } from '../../../server/src/language/span.js';

const indents = ['', ' ', '\t', '    ', '      ', ' \t', '        '];
const gaps = [' ', '  ', '\t', ' \t ', '   '];
const beforeComma = ['', ' ', '\t'];
const afterComma = ['', ' ', '  ', '\t'];
const trailing = ['', ' ', '\t', '   ', ' \t'];

export function mangle(text: string, choices: number[]): string {
  let cursor = 0;
  const pick = <T>(options: T[]): T => options[(choices[cursor++ % choices.length] ?? 0) % options.length];

  const index = new LineIndex(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const perLine = index.lineStarts.map(() => ({ tokens: [] as string[], comment: undefined as string | undefined }));
  const { tokens, comments } = lexPlan(text);
  for (const token of tokens) {
    if (token.tokenType.name !== 'Newline') perLine[index.positionAt(token.startOffset).line].tokens.push(token.image);
  }
  for (const comment of comments) perLine[index.positionAt(comment.span.start).line].comment = `#${comment.text}`;
  const firstStatement = perLine.findIndex((line) => line.tokens.length > 0);

  const out: string[] = [];
  perLine.forEach((line, number) => {
    const raw = text.slice(index.lineStarts[number], index.lineEnd(number));
    if (number < firstStatement) {
      out.push(raw + pick(trailing)); // the leading block keeps its indentation
      return;
    }
    if (line.tokens.length === 0) {
      out.push(line.comment ? pick(indents) + line.comment + pick(trailing) : pick(['', ' ', '\t']));
      return;
    }
    const previous = perLine[number - 1];
    if (previous && previous.tokens.length > 0 && pick([0, 1, 2]) === 0) out.push(pick(['', '  ']));
    let rebuilt = pick(indents) + line.tokens[0];
    for (const token of line.tokens.slice(1)) {
      if (token === ',') rebuilt += pick(beforeComma) + ',';
      else rebuilt += (rebuilt.endsWith(',') ? pick(afterComma) : pick(gaps)) + token;
    }
    if (line.comment) rebuilt += pick(gaps) + line.comment;
    out.push(rebuilt + pick(trailing));
  });
  // Drop the empty "line" after a final line break, then maybe drop the final newline too.
  const body = out.join(eol).replace(/[ \t]*$/, '');
  return pick([0, 1]) === 0 ? body.replace(/(\r\n|\n)$/, '') : body;
}
