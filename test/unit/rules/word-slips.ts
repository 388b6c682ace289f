/** Single-word slips for the one-mistake sweeps: a word with its second letter dropped, or re-cased. */

/** Every slip of every word of one line, as the whole changed text, with a label. */
export function wordSlips(text: string): { name: string; text: string }[] {
  const lines = text.split('\n');
  const slips: { name: string; text: string }[] = [];
  lines.forEach((line, i) => {
    for (const match of line.matchAll(/[A-Za-z0-9][A-Za-z0-9-]+/g)) {
      const word = match[0];
      const recased = word[0] === word[0].toUpperCase() ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1);
      for (const slip of [word[0] + word.slice(2), recased]) {
        const changed = line.slice(0, match.index) + slip + line.slice(match.index! + word.length);
        slips.push({ name: `line ${i + 1}: ${word} → ${slip}`, text: lines.map((l, j) => (j === i ? changed : l)).join('\n') });
      }
    }
  });
  return slips;
}
