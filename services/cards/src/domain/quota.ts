/** L15/C2: card digitisation counted per side. */

export interface CardQuotaNumbers {
  included: number;
  purchased: number;
  used: number;
}

export const SIDES_PER_SCAN = [1, 2] as const;

/** L15: a scan is of the front, or front and back; each side counts 1 (a blank back too). */
export function sidesCounted(sides: number): number | null {
  return sides === 1 || sides === 2 ? sides : null;
}

export function quotaLimit(q: Pick<CardQuotaNumbers, 'included' | 'purchased'>): number {
  return q.included + q.purchased;
}

export function remaining(q: CardQuotaNumbers): number {
  return Math.max(0, quotaLimit(q) - q.used);
}

/**
 * L15: the most sides that may already be used for a scan of `sides` to fit whole. recordScan
 * puts this bound in its conditional UPDATE (`used <= bound`), so the rule and the race-safe
 * statement are one.
 */
export function usedAtMostForScan(q: Pick<CardQuotaNumbers, 'included' | 'purchased'>, sides: number): number {
  return quotaLimit(q) - sides;
}

/** L15: allowed only when every side fits; a scan is never split or silently over-run. */
export function scanFits(q: CardQuotaNumbers, sides: number): boolean {
  return q.used <= usedAtMostForScan(q, sides);
}

/** L15: the numbers a refused scan is explained with (the refusal `scanQuotaExceeded`'s parameters). */
export function quotaExceededParams(q: CardQuotaNumbers, sides: number): { sides: number; remaining: number; limit: number; included: number; purchased: number; used: number } {
  return { sides, remaining: remaining(q), limit: quotaLimit(q), included: q.included, purchased: q.purchased, used: q.used };
}

/** L14/L15: after the card service's last day (a Tokyo date; null: no notice given) no more sides are digitised. */
export function cardServiceEnded(endsOn: string | null, today: string): boolean {
  return endsOn !== null && today > endsOn;
}
