import type { CardState } from './card-fields.js';

export type CardStep = 'read' | 'verify';

/** C2: SCANNED -> READ (OCR) -> VERIFIED (an operator); each step only from the state before it. */
const FROM: Record<CardStep, CardState> = { read: 'SCANNED', verify: 'READ' };
const TO: Record<CardStep, CardState> = { read: 'READ', verify: 'VERIFIED' };

export const stateBefore = (step: CardStep): CardState => FROM[step];
export const stateAfter = (step: CardStep): CardState => TO[step];

/** C2: null when the step may happen, else why not, in words for the client. */
export function stepRefusal(step: CardStep, state: CardState): string | null {
  if (state === FROM[step]) return null;
  const what = step === 'read' ? 'read (OCR)' : 'verified';
  return `Only a ${FROM[step]} card can be ${what}; this card is ${state}.`;
}
