import type { RefusalOf } from '@kyodo/subgraph-kit';
import type { CardState } from './card-fields.js';

export type CardStep = 'read' | 'verify';

/** C2: SCANNED -> READ (OCR) -> VERIFIED (an operator); each step only from the state before it. */
const FROM: Record<CardStep, CardState> = { read: 'SCANNED', verify: 'READ' };
const TO: Record<CardStep, CardState> = { read: 'READ', verify: 'VERIFIED' };

export const stateBefore = (step: CardStep): CardState => FROM[step];
export const stateAfter = (step: CardStep): CardState => TO[step];

/** C2: null when the step may happen, else the refusal (its key and the card's state). */
export function stepRefusal(step: CardStep, state: CardState): RefusalOf<'readNeedsScanned' | 'verifyNeedsRead'> | null {
  if (state === FROM[step]) return null;
  return { key: step === 'read' ? 'readNeedsScanned' : 'verifyNeedsRead', params: { state } };
}
