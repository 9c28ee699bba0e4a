import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as japaneseDictionary } from '@zxcvbn-ts/language-ja';
import type { Refusal } from './spaces.js';

/**
 * T3 (our policy): a password must be at least "safely unguessable" by zxcvbn's estimate (score
 * 3 of 4: about 10^8 guesses or more), checked offline against the common-password and Japanese
 * dictionaries (names, words, romanised and kana forms) and the person's own email, name and
 * sub-domain. `1234567890`, `qwerty123`, `sakura123` are refused; a passphrase such as
 * `demo-admin-pass` passes.
 */
export const MIN_PASSWORD_SCORE = 3;

// building the matcher reads the dictionaries (a few MB): once per process, and it holds no state
let checker: ZxcvbnFactory | undefined;
const zxcvbn = () => (checker ??= new ZxcvbnFactory({ dictionary: { ...commonDictionary, ...japaneseDictionary }, graphs: adjacencyGraphs }));

/** Why the password is too weak, or null. */
export function refuseWeakPassword(password: string, personal: readonly string[] = []): Refusal {
  // zxcvbn's cost grows with length; beyond 100 characters a password is not guessable by any listed pattern
  // each whole value and its parts (an email's local part, a name's words) count as words an attacker knows
  const words = personal.flatMap((value) => [value, ...value.split(/[@.\s_+-]+/)]).map((word) => word.trim().toLowerCase()).filter((word) => word.length >= 3);
  const { score } = zxcvbn().check(password.slice(0, 100), [...new Set(words)]);
  if (score >= MIN_PASSWORD_SCORE) return null;
  return { key: 'passwordWeak' };
}
