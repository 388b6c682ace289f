import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { resolveConfig } from '../../../server/src/rules/config.js';
import { applyEdits, basePlan, diagnosticsOf, lineRange, replace, ruleIds } from './plan-fixtures.js';

const id = 'variant';

describe('variant', () => {
  it('accepts a built-in variant with a cadence it allows', () => {
    expect(diagnosticsOf(id, basePlan)).toEqual([]);
    const maintenance = replace(replace(basePlan, 'variant acute', 'variant maintenance'), '16 weekly', '16 monthly');
    expect(diagnosticsOf(id, maintenance)).toEqual([]);
  });

  it('reports a misspelt variant with a safe did-you-mean fix', () => {
    const text = replace(basePlan, 'variant acute', 'variant acut');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      '`acut` is not a known IPT variant; the known ones are `acute`, `adolescent`, `brief`, `group` and `maintenance`. Did you mean `acute`? For another format, define it under `variants` in .iptrc.json.',
    );
    expect(d.range).toEqual(lineRange(4, 10, 14));
    expect(d.fixes).toHaveLength(1);
    expect(d.fixes![0]).toMatchObject({ title: 'Replace with `acute`', safe: true });
    expect(applyEdits(text, d.fixes![0].edits)).toBe(basePlan);
    // Rules that need the variant's bounds stay silent.
    expect(ruleIds(text)).toEqual([id]);
  });

  it('reports an unknown variant with no close match without a fix', () => {
    const [d] = diagnosticsOf(id, replace(basePlan, 'variant acute', 'variant ptsd'));
    expect(d.severity).toBe('error');
    expect(d.message).toContain('`ptsd` is not a known IPT variant');
    expect(d.message).not.toContain('Did you mean');
    expect(d.range).toEqual(lineRange(4, 10, 14));
    expect(d.fixes).toBeUndefined();
  });

  it('warns when the cadence is one the variant does not allow', () => {
    const text = replace(basePlan, '16 weekly', '16 biweekly');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'Acute IPT sessions are `weekly`; this plan is `biweekly`. Use `weekly`, or set `variant maintenance` if this is Maintenance IPT (IPT-M).',
    );
    expect(d.range).toEqual(lineRange(6, 14, 22));
    expect(d.fixes![0]).toMatchObject({ title: 'Change the cadence to `weekly`', safe: false });
    expect(ruleIds(text)).toEqual([id]);
  });

  it('checks the cadence against the default variant when the plan sets none', () => {
    const text = replace(replace(basePlan, '  variant acute\n', ''), '16 weekly', '16 monthly');
    const [d] = diagnosticsOf(id, text);
    expect(d.severity).toBe('warning');
    expect(d.range).toEqual(lineRange(5, 14, 21));
  });

  it('leaves a misspelt cadence to `unknown-value`', () => {
    expect(diagnosticsOf(id, replace(basePlan, '16 weekly', '16 weekley'))).toEqual([]);
  });

  it('accepts a variant defined in config, and the other rules use its bounds', () => {
    const config = resolveConfig({ variants: { ptsd: { extends: 'acute', sessions: { min: 14, max: 14 } } } });
    const text = replace(basePlan, 'variant acute', 'variant ptsd');
    expect(diagnosticsOf(id, text, { config })).toEqual([]);
    expect(diagnosticsOf('session-count', text, { config }).map((d) => d.message)).toEqual([
      '`ptsd` plans have 14 sessions; this plan has 16. Shorten it, or set `variant` if this is another IPT format.',
    ]);
  });

  it.each([
    ['IPT-A', 'adolescent'],
    ['ipt-a', 'adolescent'],
    ['IPT-B', 'brief'],
    ['IPT-G', 'group'],
    ['IPT-M', 'maintenance'],
    ['MIPT', 'maintenance'],
  ])('accepts the literature\'s name %s as `%s`, with a safe fix to the plan\'s word', (alias, variant) => {
    let text = replace(basePlan, 'variant acute', `variant ${alias}`);
    // Sessions and cadence the variant allows, so only the name is in question.
    if (variant === 'brief') text = replace(text, 'sessions 16 weekly 50min', 'sessions 9 weekly 50min');
    const analysis = analyse(text);
    expect(analysis.variant?.id).toBe(variant);
    const found = analysis.diagnostics.filter((d) => d.rule === id);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d.severity).toBe('info');
    expect(d.message).toBe(`\`${alias}\` is the literature's name for the \`${variant}\` variant, which the plan uses. Write \`variant ${variant}\`, the plan language's word for it.`);
    expect(d.range).toEqual(lineRange(4, 10, 10 + alias.length));
    expect(d.fixes).toEqual([{ title: `Replace with \`${variant}\``, edits: [{ span: d.span, newText: variant }], safe: true }]);
  });
});
