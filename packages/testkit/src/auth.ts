import { createTokenIssuer, createTokenVerifier, generateSigningKeys, type Language, type Role, type Scope, type TokenIssuer, type TokenVerifier, type UserKind } from '@kyodo/auth';
import { DEMO } from '@kyodo/subgraph-kit';

export interface TestAuth {
  issuer: TokenIssuer;
  verifier: TokenVerifier;
  gatewaySecret: string;
  /**
   * A token for anyone, for subgraphs tested without spaces. Its language (I1, claim `lng`) is
   * English unless `language` says otherwise (null: no claim, so Accept-Language decides): the
   * suites read refusals in English, and the I1 tests ask for Japanese explicitly.
   */
  tokenFor(user: { id: string; tenantId?: string; kind?: UserKind; roles?: Role[]; scopes?: Scope[]; tokenId?: string; language?: Language | null }): Promise<string>;
  /** Tokens for the demo fixtures: admin, member (plain), guest, and the vendor's support agent. */
  demoTokens(): Promise<{ admin: string; member: string; guest: string; agent: string; operator: string }>;
}

export async function createTestAuth(): Promise<TestAuth> {
  const keys = await generateSigningKeys();
  const issuer = createTokenIssuer(keys);
  const tokenFor: TestAuth['tokenFor'] = (user) =>
    issuer.sign({
      userId: user.id,
      tenantId: user.tenantId ?? DEMO.tenant.id,
      kind: user.kind ?? 'MEMBER',
      roles: user.roles ?? [],
      ...(user.language === null ? {} : { language: user.language ?? 'en' }),
      ...(user.scopes ? { scopes: user.scopes, tokenId: user.tokenId ?? 'test-integration-token' } : {}),
    });
  return {
    issuer,
    verifier: createTokenVerifier(keys),
    gatewaySecret: 'test-gateway-secret-0123456789',
    tokenFor,
    async demoTokens() {
      const [admin, member, guest, agent, operator] = await Promise.all([
        tokenFor({ id: DEMO.admin.id, roles: ['ADMIN'] }),
        tokenFor({ id: DEMO.member.id }),
        tokenFor({ id: DEMO.guest.id, kind: 'GUEST' }),
        tokenFor({ id: DEMO.agent.id, tenantId: DEMO.vendorTenant.id, roles: ['SUPPORT_AGENT'] }),
        tokenFor({ id: DEMO.operator.id, tenantId: DEMO.vendorTenant.id, roles: ['VENDOR_ADMIN'] }),
      ]);
      return { admin, member, guest, agent, operator };
    },
  };
}
