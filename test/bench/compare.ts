/**
 * The benchmark's verdict: each ratio of a run against the committed baseline. Pure, so a test
 * can feed it a worse result and see it fail without starting a stack.
 *
 * Ratios, not absolute times: the machines that run this are shared and noisy, but A and B of
 * one ratio are measured alternately in the same run, so the noise mostly cancels.
 */

export type Better = 'higher' | 'lower';

export interface RatioDefinition {
  /** What A and B are, for the table. */
  description: string;
  better: Better;
}

/**
 * Every ratio the benchmark reports and the direction that is an improvement. Counts (statements,
 * peer requests) are here too: they are exact, and a new one is a regression whatever the machine.
 */
export const RATIOS = {
  'trivial.gateway_vs_direct.rps': { description: '{ viewer { id name } }: gateway RPS / spaces directly', better: 'higher' },
  'page20.gateway_vs_direct.rps': { description: 'cards(first: 20): gateway RPS / cards directly', better: 'higher' },
  'four.kyodo_vs_apollo.rps': { description: 'four-subgraph query: Kyodo RPS / @apollo/gateway', better: 'higher' },
  // p50, not p99: with tens of requests per run p99 is the slowest one, too noisy to judge by (p99 is in the table)
  'four.kyodo_vs_apollo.p50': { description: 'four-subgraph query: Kyodo p50 / @apollo/gateway', better: 'lower' },
  'four.kyodo_vs_apollo.gateway_cpu': { description: 'four-subgraph query: gateway CPU per request, Kyodo / Apollo', better: 'lower' },
  'trivial.gateway_vs_subgraph.cpu': { description: '{ viewer { id name } }: gateway CPU / spaces CPU per request', better: 'lower' },
  // issue 21's goals: <= 2.5 (gateway vs one bare hop), <= 1.1 (a subgraph pays no more for the gateway's requests)
  'trivial.gateway_vs_proxy.cpu': { description: '{ viewer { id name } }: gateway CPU / pass-through proxy CPU per request', better: 'lower' },
  'page20.gateway_vs_proxy.cpu': { description: 'cards(first: 20): gateway CPU / pass-through proxy CPU per request', better: 'lower' },
  'trivial.spaces_via_gateway_vs_direct.cpu': { description: '{ viewer { id name } }: spaces CPU per request, via the gateway / directly at the same rate', better: 'lower' },
  'page20.cards_via_gateway_vs_direct.cpu': { description: 'cards(first: 20): cards CPU per request, via the gateway / directly at the same rate', better: 'lower' },
  'rss.idle.kyodo_vs_apollo': { description: 'gateway RSS idle, Kyodo / Apollo', better: 'lower' },
  'rss.loaded.kyodo_vs_apollo': { description: 'gateway RSS after load, Kyodo / Apollo', better: 'lower' },
  'ready.kyodo_vs_apollo': { description: 'gateway start-to-ready, Kyodo / Apollo', better: 'lower' },
  'statements.page1': { description: 'SQL statements per cards page of 1 (all subgraphs)', better: 'lower' },
  'statements.page20': { description: 'SQL statements per cards page of 20 (all subgraphs)', better: 'lower' },
  'statements.page100': { description: 'SQL statements per cards page of 100 (all subgraphs)', better: 'lower' },
  'peers.per_page': { description: 'requests from cards to other subgraphs per cards page', better: 'lower' },
  'peers.per_scan': { description: 'requests from cards to other subgraphs per recordScan', better: 'lower' },
} as const satisfies Record<string, RatioDefinition>;

export type RatioName = keyof typeof RATIOS;

/** The committed file: the ratios of a run someone accepted, and the margin to judge by. */
export interface Baseline {
  /** Allowed worsening as a fraction (0.25 = 25 %); `--margin` overrides it. */
  margin: number;
  ratios: Partial<Record<string, number>>;
  /** Where the figures came from (machine, mode, date): for people, not compared. */
  note?: string;
}

export type Verdict = 'ok' | 'better' | 'regressed' | 'missing' | 'new';

export interface Comparison {
  name: string;
  baseline?: number;
  current?: number;
  /** current / baseline; undefined when either is missing or the baseline is 0. */
  change?: number;
  verdict: Verdict;
}

export const DEFAULT_MARGIN = 0.25;

/** The worst value the baseline still accepts for one ratio. */
export function limitFor(baseline: number, better: Better, margin: number): number {
  return better === 'higher' ? baseline * (1 - margin) : baseline * (1 + margin);
}

/**
 * Judges one run. A ratio worse than its baseline by more than the margin is `regressed`; a
 * counted ratio whose baseline is 0 regresses at anything above 0. A ratio in the baseline that
 * the run did not produce is `missing` and fails too: a harness that silently stops measuring
 * something must not pass. Ratios the baseline does not know yet are `new` and pass.
 */
export function compareWithBaseline(current: Partial<Record<string, number>>, baseline: Baseline, margin = baseline.margin): Comparison[] {
  if (!(margin >= 0)) throw new Error(`margin must be a fraction >= 0, got ${margin}`);
  const names = Object.keys(RATIOS) as RatioName[];
  const extra = Object.keys(baseline.ratios).filter((n) => !(n in RATIOS));
  const out: Comparison[] = [];
  for (const name of [...names, ...extra]) {
    const better: Better = name in RATIOS ? RATIOS[name as RatioName].better : 'higher';
    const base = baseline.ratios[name];
    const value = current[name];
    const valid = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
    if (!valid(base)) {
      if (valid(value)) out.push({ name, current: value, verdict: 'new' });
      continue;
    }
    if (!valid(value)) {
      out.push({ name, baseline: base, verdict: 'missing' });
      continue;
    }
    const limit = limitFor(base, better, margin);
    const worse = better === 'higher' ? value < limit : value > limit;
    const improved = better === 'higher' ? value > base : value < base;
    out.push({
      name,
      baseline: base,
      current: value,
      change: base === 0 ? undefined : value / base,
      verdict: worse ? 'regressed' : improved ? 'better' : 'ok',
    });
  }
  return out;
}

/** True when the run may pass: nothing regressed and nothing the baseline measures went missing. */
export function passes(comparisons: readonly Comparison[]): boolean {
  return comparisons.every((c) => c.verdict !== 'regressed' && c.verdict !== 'missing');
}

/** The baseline a run becomes with `--update-baseline`: its ratios, the margin kept. */
export function baselineFrom(current: Partial<Record<string, number>>, margin: number, note?: string): Baseline {
  const ratios: Record<string, number> = {};
  for (const name of Object.keys(RATIOS)) {
    const value = current[name];
    if (typeof value === 'number' && Number.isFinite(value)) ratios[name] = Number(value.toFixed(4));
  }
  return { margin, ratios, ...(note ? { note } : {}) };
}
