import { readFile } from 'node:fs/promises';
import { AcceptInvitationDocument, createKyodoClient } from '@kyodo/client';
import { createGateway, DEFAULT_TRUSTED_DOCUMENTS_PATH, loadTrustedDocuments } from '@kyodo/gateway';
import { readMailbox, signInAs, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH } from './full-stack.js';

describe.each(testDialects())('accepting an invitation where the tenant requires a one-time password, through the gateway, on %s (T3, S4)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    const supergraphSdl = await readFile(SUPERGRAPH_PATH, 'utf8');
    const documents = await loadTrustedDocuments(DEFAULT_TRUSTED_DOCUMENTS_PATH);
    // the apps send only their documents' hashes (as in production); any other document still runs here
    stack = await startStack({
      dialect,
      gateway: ({ subgraphUrls, verifier, gatewaySecret }) => createGateway({ supergraphSdl, subgraphUrls, verifier, gatewaySecret, trustedDocuments: { documents, arbitrary: 'everyone' } }),
    });
  });
  afterAll(() => stack?.close());

  it("T3: the apps' registered AcceptInvitation answers totpEnrollmentRequired, so the new guest is sent to enrol first", async () => {
    const admin = await signInAs(stack.client, 'admin');
    await stack.client.data('mutation { setTenantRequiresTotp(required: true) { id } }', {}, { token: admin });
    const spaceId = (await stack.client.data<{ createSpace: { id: string } }>('mutation { createSpace(input: { name: "TOTP partners", isGuestSpace: true }) { id } }', {}, { token: admin })).createSpace.id;
    await stack.client.data(`mutation { inviteGuest(input: { spaceId: "${spaceId}", email: "otp-guest@partner.example" }) { id } }`, {}, { token: admin });
    let token: string | undefined;
    for (let i = 0; i < 100 && !token; i++) {
      const mail = (await readMailbox(stack.dataDir)).find((m) => m.raw.includes('To: otp-guest@partner.example'));
      token = mail ? /invitations\/accept\?token=([A-Za-z0-9_-]+)/.exec(mail.decoded)?.[1] : undefined;
      if (!token) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const client = createKyodoClient({ url: stack.gatewayUrl! });
    const { acceptInvitation } = await client.data(AcceptInvitationDocument, { input: { token: token!, name: 'OTP Guest', password: 'otp-guest-passphrase' } });
    expect(acceptInvitation.totpEnrollmentRequired).toBe(true);
    await stack.client.data('mutation { setTenantRequiresTotp(required: false) { id } }', {}, { token: admin });
  });
});
