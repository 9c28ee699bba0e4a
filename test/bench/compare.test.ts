import { describe, expect, it } from 'vitest';
import { baselineFrom, compareWithBaseline, passes, RATIOS, type Baseline } from './compare.js';

const baseline: Baseline = {
  margin: 0.25,
  ratios: {
    'trivial.gateway_vs_direct.rps': 0.4,
    'four.kyodo_vs_apollo.gateway_cpu': 1.0,
    'statements.page20': 6,
    'peers.per_page': 0,
  },
};
const same = { ...baseline.ratios };
const verdictOf = (current: Record<string, number | undefined>, margin?: number) =>
  Object.fromEntries(compareWithBaseline(current, baseline, margin).map((c) => [c.name, c.verdict]));

describe('the benchmark compares each ratio with the committed baseline', () => {
  it('passes the same figures, and better ones in either direction', () => {
    expect(passes(compareWithBaseline(same, baseline))).toBe(true);
    const better = { ...same, 'trivial.gateway_vs_direct.rps': 0.8, 'four.kyodo_vs_apollo.gateway_cpu': 0.5, 'statements.page20': 3 };
    const comparisons = compareWithBaseline(better, baseline);
    expect(passes(comparisons)).toBe(true);
    expect(verdictOf(better)).toMatchObject({ 'trivial.gateway_vs_direct.rps': 'better', 'four.kyodo_vs_apollo.gateway_cpu': 'better', 'statements.page20': 'better' });
  });

  it('passes a worsening within the margin (noise), fails one beyond it: higher-is-better falls', () => {
    expect(passes(compareWithBaseline({ ...same, 'trivial.gateway_vs_direct.rps': 0.31 }, baseline))).toBe(true); // -22.5 %
    const worse = { ...same, 'trivial.gateway_vs_direct.rps': 0.29 }; // -27.5 %
    expect(verdictOf(worse)['trivial.gateway_vs_direct.rps']).toBe('regressed');
    expect(passes(compareWithBaseline(worse, baseline))).toBe(false);
  });

  it('fails when a lower-is-better ratio rises beyond the margin (gateway CPU, statements)', () => {
    expect(passes(compareWithBaseline({ ...same, 'four.kyodo_vs_apollo.gateway_cpu': 1.3 }, baseline))).toBe(false);
    expect(passes(compareWithBaseline({ ...same, 'statements.page20': 8 }, baseline))).toBe(false);
    expect(passes(compareWithBaseline({ ...same, 'four.kyodo_vs_apollo.gateway_cpu': 1.2, 'statements.page20': 7 }, baseline))).toBe(true);
  });

  it('a peer request where the baseline has none is a regression whatever the margin', () => {
    expect(verdictOf({ ...same, 'peers.per_page': 0.05 }, 10)['peers.per_page']).toBe('regressed');
  });

  it('the margin given on the command line replaces the baseline one', () => {
    const worse = { ...same, 'trivial.gateway_vs_direct.rps': 0.29 };
    expect(passes(compareWithBaseline(worse, baseline, 0.5))).toBe(true);
    expect(passes(compareWithBaseline({ ...same, 'trivial.gateway_vs_direct.rps': 0.39 }, baseline, 0))).toBe(false);
    expect(() => compareWithBaseline(same, baseline, -1)).toThrow(/margin/);
  });

  it('a ratio the baseline has but the run lost fails; one the baseline lacks is new and passes', () => {
    const { ['statements.page20']: _dropped, ...lost } = same;
    expect(verdictOf(lost)['statements.page20']).toBe('missing');
    expect(passes(compareWithBaseline(lost, baseline))).toBe(false);
    expect(passes(compareWithBaseline({ ...same, 'trivial.gateway_vs_direct.rps': Number.NaN }, baseline))).toBe(false);
    const more = { ...same, 'page20.gateway_vs_direct.rps': 0.5 };
    expect(verdictOf(more)['page20.gateway_vs_direct.rps']).toBe('new');
    expect(passes(compareWithBaseline(more, baseline))).toBe(true);
  });

  it('--update-baseline keeps only known, finite ratios, rounded', () => {
    const next = baselineFrom({ 'peers.per_page': 0, 'four.kyodo_vs_apollo.rps': 1.234567, 'made.up': 3, 'statements.page1': Number.NaN }, 0.3, 'quick run');
    expect(next).toEqual({ margin: 0.3, ratios: { 'peers.per_page': 0, 'four.kyodo_vs_apollo.rps': 1.2346 }, note: 'quick run' });
    expect(Object.keys(RATIOS)).toContain('four.kyodo_vs_apollo.rps');
  });
});
