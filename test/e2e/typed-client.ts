import { createKyodoClient, type KyodoClient } from '@kyodo/client';
import type { Stack } from '@kyodo/testkit';

/**
 * The typed client (packages/client) on the stack's gateway, signed in with `token` when given.
 * Its documents come from test/e2e/operations (typed in test/e2e/gql), so a schema change that
 * breaks an e2e test's request fails to typecheck (issue 13). It sends the document text: the
 * e2e documents are not in the production trusted-documents manifest.
 */
export function typedClient(stack: Stack, token?: string): KyodoClient {
  const client = createKyodoClient({ url: stack.gatewayUrl!, send: 'document' });
  // the session's expiry only drives refreshes, which a test's short life never needs
  if (token) client.setSession({ token, expiresAt: new Date(Date.now() + 3600_000).toISOString() });
  return client;
}
