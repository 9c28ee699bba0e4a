import type { Refusal } from './spaces.js';

/**
 * Characters that change how a name is shown without being seen (our policy, issue 19): bidi
 * controls (U+202E turns "txt.exe" into "exe.txt"), zero-width and other invisible characters
 * (U+200B, U+2060, U+FEFF, the soft hyphen) and the blank "filler" letters (U+3164, U+115F,
 * U+1160, U+FFA0) that make a name look empty or like someone else's. Tag characters too. The
 * zero-width joiner and non-joiner stay: emoji sequences and some scripts need them.
 */
// U+034F and U+17B4/5 are combining marks: kept out of the class, where a linter reads them as joined to their neighbour
const INVISIBLE_IN_NAMES = /\u034f|\u17b4|\u17b5|[\u00ad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\u{e0000}-\u{e007f}]/u;

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A name a person gives (a user, group, space, app, tenant) must show what it says: why it is
 * refused, naming the character, or null. Applies after trimming.
 */
export function refuseInvisibleInName(name: string): Refusal {
  const found = INVISIBLE_IN_NAMES.exec(name);
  if (!found) return null;
  return { key: 'nameInvisibleCharacter', params: { codePoint: codePoint(found[0]) } };
}
