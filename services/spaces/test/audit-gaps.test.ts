import { totpAt } from '@kyodo/auth';
import { AuditEntryRecord } from '@kyodo/subgraph-kit';
import { DEMO, readMailbox, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spacesSubgraph } from '../src/index.js';

const LINK = /http:\/\/localhost:4000\/invitations\/accept\?token=([A-Za-z0-9_-]+)/;

describe.each(testDialects())('A1: the changes that were not audited are (issue 19, item 6) on %s', (dialect) => {
  let stack: Stack;
  let t: Awaited<ReturnType<Stack['auth']['demoTokens']>>;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
    t = await stack.auth.demoTokens();
  });
  afterAll(() => stack?.close());

  const ok = <T>(query: string, token?: string) => stack.client.data<T>(query, {}, { token });
  const entries = async (action: string) => {
    const rows = await stack.handles.spaces!.dataSource.getRepository(AuditEntryRecord).find({ where: { action } });
    return rows.map((r) => ({ actorId: r.actorId, tenantId: r.tenantId, subject: r.subject, before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null }));
  };

  it('A1: createGroup is recorded: the administrator, the group, its name', async () => {
    const id = (await ok<{ createGroup: { id: string } }>(`mutation { createGroup(input: { name: "営業部" }) { id } }`, t.admin)).createGroup.id;
    expect(await entries('group.create')).toEqual([{ actorId: DEMO.admin.id, tenantId: DEMO.tenant.id, subject: `Group:${id}`, before: null, after: { name: '営業部' } }]);
  });

  it('A1/T3: turning a one-time password on is recorded (before: off, after: on); starting enrolment alone is not a change', async () => {
    const { enableTotp } = await ok<{ enableTotp: { secret: string } }>(`mutation { enableTotp { secret } }`, t.member);
    expect(await entries('totp.enable')).toEqual([]);
    await ok(`mutation { confirmTotp(code: "${totpAt(enableTotp.secret)}") }`, t.member);
    expect(await entries('totp.enable')).toEqual([{ actorId: DEMO.member.id, tenantId: DEMO.tenant.id, subject: `User:${DEMO.member.id}`, before: { totpEnabled: false }, after: { totpEnabled: true } }]);
  });

  it('A1/S4: an accepted invitation is recorded with the new guest as the actor, the space and the invitation', async () => {
    const spaceId = (await ok<{ createSpace: { id: string } }>(`mutation { createSpace(input: { name: "Partners", isGuestSpace: true }) { id } }`, t.admin)).createSpace.id;
    const invitationId = (await ok<{ inviteGuest: { id: string } }>(`mutation { inviteGuest(input: { spaceId: "${spaceId}", email: "yui@partner.example" }) { id } }`, t.admin)).inviteGuest.id;
    let token: string | undefined;
    for (let i = 0; i < 100 && !token; i++) {
      const mail = (await readMailbox(stack.dataDir)).filter((m) => m.raw.includes('To: yui@partner.example')).at(-1);
      token = mail ? LINK.exec(mail.decoded)?.[1] : undefined;
      if (!token) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const accepted = await ok<{ acceptInvitation: { user: { id: string } } }>(`mutation { acceptInvitation(input: { token: "${token}", name: "Yui", password: "partner-guest-pass-1" }) { user { id } } }`);
    const guestId = accepted.acceptInvitation.user.id;
    expect(await entries('invitation.accept')).toEqual([
      {
        actorId: guestId,
        tenantId: DEMO.tenant.id,
        subject: `Space:${spaceId}`,
        before: { invitationId, email: 'yui@partner.example', member: false },
        after: { guestId, accountCreated: true, member: true },
      },
    ]);
  });
});
