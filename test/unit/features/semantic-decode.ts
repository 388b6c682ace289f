/** Decodes the LSP semantic-token integer array (relative positions) into absolute tokens. */
import { semanticTokensLegend } from '../../../server/src/features/semantic-tokens.js';

export interface DecodedToken {
  /** 0-based line and UTF-16 character. */
  line: number;
  char: number;
  length: number;
  type: string;
  modifiers: string[];
}

export function decodeSemanticTokens(data: number[]): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, bits] = data.slice(i, i + 5);
    line += deltaLine;
    char = deltaLine === 0 ? char + deltaStart : deltaStart;
    const modifiers = semanticTokensLegend.tokenModifiers.filter((_, bit) => bits & (1 << bit));
    out.push({ line, char, length, type: semanticTokensLegend.tokenTypes[type], modifiers });
  }
  return out;
}
