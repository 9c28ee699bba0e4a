import { DEMO, errorCodes, readMailbox, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseWeakPassword } from '../src/domain/password-strength.js';
import { spacesSubgraph } from '../src/index.js';
import { spacesRefusals } from '../src/refusals/refusals.js';

describe('T3: a password must not be easy to guess (zxcvbn, common and Japanese dictionaries)', () => {
  it.each(['1234567890', 'qwertyuiop', 'password1234', 'sakura123', 'tanaka1234', 'iloveyou12'])('refuses "%s", Japanese first', (password) => {
    const refusal = refuseWeakPassword(password);
    expect(refusal).toEqual({ key: 'passwordWeak' });
    expect(spacesRefusals.messageOf(refusal!, 'ja')).toMatch(/^このパスワードは推測されやすすぎます.*\(T3\)/);
    expect(spacesRefusals.messageOf(refusal!, 'en')).toMatch(/too easy to guess.*\(T3\)/);
  });

  it("refuses a password built from the person's own email or name", () => {
    expect(refuseWeakPassword('yamadataro', ['yamada.taro@acme.example', 'Yamada Taro'])).not.toBeNull();
  });

  it('accepts passphrases, the demo sign-ins included (README)', () => {
    for (const password of ['demo-admin-pass', 'demo-member-pass', 'demo-guest-pass', 'demo-agent-pass', 'demo-operator-pass', 'correct horse battery staple', 'kaede-admin-pass-1']) {
      expect(refuseWeakPassword(password)).toBeNull();
    }
  });
});

describe.each(testDialects())('weak passwords are refused where a person chooses one on %s (T3)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
  });
  afterAll(() => stack?.close());

  it('acceptInvitation: 1234567890 is BAD_USER_INPUT on the password field and nothing is created; a passphrase works', async () => {
    const { admin } = await stack.auth.demoTokens();
    const spaceId = (await stack.client.data<{ createSpace: { id: string } }>(`mutation { createSpace(input: { name: "Weak", isGuestSpace: true }) { id } }`, {}, { token: admin })).createSpace.id;
    await stack.client.data(`mutation { inviteGuest(input: { spaceId: "${spaceId}", email: "weak@partner.example" }) { id } }`, {}, { token: admin });
    let token: string | undefined;
    for (let i = 0; i < 100 && !token; i++) {
      const mail = (await readMailbox(stack.dataDir)).find((m) => m.raw.includes('To: weak@partner.example'));
      token = mail ? /invitations\/accept\?token=([A-Za-z0-9_-]+)/.exec(mail.decoded)?.[1] : undefined;
      if (!token) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id } } }`;
    const weak = await stack.client.request(ACCEPT, { input: { token, name: 'Weak', password: '1234567890' } });
    expect(errorCodes(weak)).toEqual(['BAD_USER_INPUT']);
    expect(weak.errors?.[0]?.extensions?.field).toBe('password');
    expect(weak.errors?.[0]?.message).toMatch(/^このパスワード/);
    const users = await stack.handles.spaces!.dataSource.query("SELECT id FROM users WHERE email = 'weak@partner.example'");
    expect(users).toEqual([]);
    // the link was not used up by the refusal
    await stack.client.data(ACCEPT, { input: { token, name: 'Weak', password: 'blue-harbour-lantern' } });
    expect(DEMO.tenant.id).toBeTruthy();
  });
});
