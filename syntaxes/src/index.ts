/**
 * The editor's language files, generated into syntaxes/ by `npm run build` (scripts/build.mjs):
 * the TextMate grammar, the language configuration and the snippets. Tests check that the files
 * in the repository are up to date with these sources.
 */
import { builtinCatalogue } from '../../server/src/language/catalogue.js';
import { iptGrammar } from './grammar.js';
import { languageConfiguration } from './language-configuration.js';
import { iptSnippets } from './snippets.js';

/** Path (relative to the project root) → file text. */
export function languageFiles(): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'syntaxes/ipt.tmLanguage.json': json(iptGrammar()),
    'syntaxes/language-configuration.json': json(languageConfiguration()),
    'syntaxes/ipt.snippets.json': json(iptSnippets(builtinCatalogue)),
  };
}
