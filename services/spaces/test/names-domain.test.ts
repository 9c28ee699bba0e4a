import { DEMO, errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseInvisibleInName } from '../src/domain/names.js';
import { spacesSubgraph } from '../src/index.js';
import { spacesRefusals } from '../src/refusals/refusals.js';

describe('names show what they say (issue 19, item 8)', () => {
  it.each([
    ['a right-to-left override', 'Invoice\u202Eexe.pdf', 'U+202E'],
    ['a zero-width space', 'Tanaka\u200B', 'U+200B'],
    ['a Hangul filler (a blank-looking name)', '\u3164', 'U+3164'],
    ['a half-width Hangul filler', 'A\uFFA0B', 'U+FFA0'],
    ['a left-to-right mark', '\u200ESato', 'U+200E'],
    ['a bidi isolate', 'x\u2066y\u2069', 'U+2066'],
    ['a word joiner', 'a\u2060b', 'U+2060'],
    ['a byte-order mark', '\uFEFFSuzuki', 'U+FEFF'],
    ['a soft hyphen', 'Ya\u00ADmada', 'U+00AD'],
    ['a tag character', 'flag\u{E0041}', 'U+E0041'],
  ])('refuses %s, naming it', (_what, name, code) => {
    const refusal = refuseInvisibleInName(name);
    expect(refusal).toEqual({ key: 'nameInvisibleCharacter', params: { codePoint: code } });
    expect(spacesRefusals.messageOf(refusal!, 'ja')).toMatch(/^名前/);
    expect(spacesRefusals.messageOf(refusal!, 'ja')).toContain(code);
    expect(spacesRefusals.messageOf(refusal!, 'en')).toContain(code);
  });

  it('keeps ordinary names, Japanese and English, and emoji sequences that need a zero-width joiner', () => {
    for (const name of ['山田 太郎', 'O\u2019Reilly', 'José', '営業部 (東京)', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467} family', 'مرحبا']) expect(refuseInvisibleInName(name)).toBeNull();
  });
});

describe.each(testDialects())('names with invisible characters are refused on %s', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
  });
  afterAll(() => stack?.close());

  it('BAD_USER_INPUT for a profile, a group, a space and a member named with them; nothing is written', async () => {
    const { admin, member } = await stack.auth.demoTokens();
    const attempts: Array<[string, string]> = [
      [`mutation { updateProfile(input: { name: "\u3164" }) { name } }`, member],
      [`mutation { createGroup(input: { name: "Sales\u202E" }) { id } }`, admin],
      [`mutation { createSpace(input: { name: "Plan\u200B", isGuestSpace: false }) { id } }`, admin],
      [`mutation { addMember(input: { email: "new@demo.example", name: "\u200Bnew" }) { id } }`, admin],
    ];
    for (const [query, token] of attempts) {
      const answer = await stack.client.request<Record<string, never>>(query, {}, { token });
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.errors?.[0]?.extensions?.field).toBe('name');
    }
    const profile = await stack.client.data<{ viewer: { name: string } }>('{ viewer { name } }', {}, { token: member });
    expect(profile.viewer.name).toBe(DEMO.member.name);
  });
});
