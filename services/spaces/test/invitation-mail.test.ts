import { AuditEntryRecord } from '@kyodo/subgraph-kit';
import { errorCodes, freePort, readMailbox, startSmtpSink, startStack, testDialects, type SmtpSink, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invitation } from '../src/entities/invitation.entity.js';
import { SpaceMember } from '../src/entities/space-member.entity.js';
import { User } from '../src/entities/user.entity.js';
import { spacesSubgraph } from '../src/index.js';

const INVITE = `mutation($input: InviteGuestInput!) { inviteGuest(input: $input) { id email } }`;
const CREATE_GUEST_SPACE = `mutation($name: String!) { createSpace(input: { name: $name, isGuestSpace: true }) { id } }`;

async function guestSpace(stack: Stack, admin: string, name: string): Promise<string> {
  return (await stack.client.data<{ createSpace: { id: string } }>(CREATE_GUEST_SPACE, { name }, { token: admin })).createSpace.id;
}

describe.each(testDialects())('S4: invitation mail through SMTP on %s', (dialect) => {
  describe('when the mail server cannot be reached', () => {
    let stack: Stack;
    let admin: string;
    beforeAll(async () => {
      stack = await startStack({ subgraphs: [spacesSubgraph], dialect, smtpUrl: `smtp://127.0.0.1:${await freePort()}` });
      admin = (await stack.auth.demoTokens()).admin;
    });
    afterAll(() => stack?.close());

    it('inviteGuest is SERVICE_UNAVAILABLE and stores no invitation', async () => {
      const space = await guestSpace(stack, admin, 'Unreachable mail');
      const response = await stack.client.request(INVITE, { input: { spaceId: space, email: 'nomail@partner.example' } }, { token: admin });
      expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(response.errors?.[0]?.message).toMatch(/mail server cannot be reached to send the invitation; nothing was changed/);
      expect(await stack.handles.spaces!.dataSource.getRepository(Invitation).countBy({ email: 'nomail@partner.example' })).toBe(0);
      // A1: the audit entry shared the invitation's transaction, so it went with it
      expect(await stack.handles.spaces!.dataSource.getRepository(AuditEntryRecord).countBy({ action: 'guest.invite' })).toBe(0);
      // nor was it written to the mailbox folder instead
      expect(await readMailbox(stack.dataDir)).toEqual([]);
    });

    it('inviting an existing guest adds them to the space only together with the mail: nothing is half-written', async () => {
      const space = await guestSpace(stack, admin, 'Unreachable mail, existing guest');
      const guest = await stack.handles.spaces!.dataSource.getRepository(User).findOneByOrFail({ email: 'guest@partner.example' });
      const response = await stack.client.request(INVITE, { input: { spaceId: space, email: guest.email } }, { token: admin });
      expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
      const ds = stack.handles.spaces!.dataSource;
      expect(await ds.getRepository(SpaceMember).existsBy({ spaceId: space, userId: guest.id })).toBe(false);
      expect(await ds.getRepository(Invitation).countBy({ spaceId: space })).toBe(0);
    });
  });

  describe('with a working mail server', () => {
    let stack: Stack;
    let sink: SmtpSink;
    let admin: string;
    beforeAll(async () => {
      sink = await startSmtpSink();
      stack = await startStack({ subgraphs: [spacesSubgraph], dialect, smtpUrl: sink.url });
      admin = (await stack.auth.demoTokens()).admin;
    });
    afterAll(async () => {
      await stack?.close();
      await sink?.close();
    });

    it('inviteGuest sends the invitation through SMTP and stores it', async () => {
      const space = await guestSpace(stack, admin, 'Working mail');
      const response = await stack.client.request<{ inviteGuest: { id: string; email: string } }>(INVITE, { input: { spaceId: space, email: 'withmail@partner.example' } }, { token: admin });
      expect(response.errors).toBeUndefined();
      expect(response.data?.inviteGuest.email).toBe('withmail@partner.example');
      expect(sink.messages).toHaveLength(1);
      expect(sink.messages[0]!.to).toEqual(['withmail@partner.example']);
      expect(sink.messages[0]!.raw).toMatch(/invitations\/accept\?token=/);
      expect(await stack.handles.spaces!.dataSource.getRepository(Invitation).countBy({ email: 'withmail@partner.example' })).toBe(1);
      expect(await readMailbox(stack.dataDir)).toEqual([]);
      // A1: recorded with it: who invited which address into which space (never the link's token)
      const [entry] = await stack.handles.spaces!.dataSource.getRepository(AuditEntryRecord).findBy({ action: 'guest.invite' });
      expect(entry).toMatchObject({ subject: `Space:${space}`, before: null });
      expect(JSON.parse(entry!.after!)).toMatchObject({ email: 'withmail@partner.example' });
      expect(entry!.after).not.toMatch(/token/i);
    });
  });
});
