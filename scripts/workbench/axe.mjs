// axe-core (Deque's accessibility engine, from npm) run inside a page or frame that playwright-core
// drives. The source is evaluated over the DevTools protocol, which the page's Content-Security-
// Policy does not govern, so pages keep their CSP. Every rule axe enables by default runs: WCAG 2.0,
// 2.1 and 2.2 A and AA, and the best practices (landmarks, headings, regions, …).
import { createRequire } from 'node:module';

const axe = createRequire(import.meta.url)('axe-core');

export const axeVersion = axe.version;

/** The violations axe finds in `target` (a Page or a Frame): "rule (impact): target, target… — help" each. */
export async function axeViolations(target) {
  await target.evaluate(`${axe.source}\n;0`);
  const results = await target.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''} — ${v.help}`,
  );
}
