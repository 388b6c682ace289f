/**
 * The grammar as VS Code runs it: syntaxes/ipt.tmLanguage.json (the file the extension ships)
 * loaded into vscode-textmate with the Oniguruma WebAssembly build that VS Code uses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const grammarPath = path.join(projectRoot, 'syntaxes', 'ipt.tmLanguage.json');

let loaded: Promise<IGrammar> | undefined;

async function load(): Promise<IGrammar> {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => (scopeName === 'source.ipt' ? parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null),
  });
  const grammar = await registry.loadGrammar('source.ipt');
  if (!grammar) throw new Error('source.ipt did not load');
  return grammar;
}

/** The grammar, loaded once per test file. */
export function iptGrammar(): Promise<IGrammar> {
  loaded ??= load();
  return loaded;
}

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Scopes without the root `source.ipt`. */
  scopes: string[];
}

/** Tokenizes each line of `text` in order, as the editor does (the state carries over lines). */
export function tokenizeLines(grammar: IGrammar, text: string): Token[][] {
  let state: StateStack = INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({
      text: line.slice(t.startIndex, t.endIndex),
      start: t.startIndex,
      end: t.endIndex,
      scopes: t.scopes.slice(1),
    }));
  });
}

/** Scopes per character of one line (index = UTF-16 offset). */
export function scopesPerChar(tokens: Token[], length: number): string[][] {
  const out: string[][] = Array.from({ length }, () => []);
  for (const token of tokens) for (let i = token.start; i < Math.min(token.end, length); i++) out[i] = token.scopes;
  return out;
}

/** Each scope list as one string, scopes named by a space-separated `name` split up. */
export function flatScopes(scopes: string[]): string[] {
  return scopes.flatMap((s) => s.split(' '));
}
