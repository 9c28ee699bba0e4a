import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO } from '@kyodo/subgraph-kit/demo';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';

/**
 * What the sandbox opens with (issue 13): a collection of example operations per subgraph, read
 * from gateway/sandbox/*.graphql (the schema check validates them like every client operation),
 * and a preflight script that signs in as a chosen demo user and sets the Authorization header,
 * so a newcomer runs the README's query without pasting a token. All offline: the script only
 * calls this gateway.
 */
export const SANDBOX_OPERATIONS_DIR = new URL('../sandbox/', import.meta.url).pathname;

export interface SandboxOperation {
  id: string;
  name: string;
  description: string;
  query: string;
  variables: string;
  headers: string;
  extensions: string;
  createdAt: string;
}

export interface SandboxCollection {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  operations: SandboxOperation[];
}

// fixed, so a collection a browser saved is recognised as the same one on the next visit
const CREATED_AT = '2026-11-30T00:00:00.000Z';

/** The comment block right above `offset` in `text`, as one line (the operation's description). */
function commentAbove(text: string, offset: number): string {
  const lines = text.slice(0, offset).split('\n');
  lines.pop();
  const comment: string[] = [];
  while (lines.length > 0 && lines[lines.length - 1]!.trimStart().startsWith('#')) comment.unshift(lines.pop()!.trim().replace(/^#\s?/, ''));
  return comment.join(' ');
}

/** One collection per file: `2-spaces.graphql` -> "spaces", its operations in file order. */
export function readSandboxCollections(dir: string = SANDBOX_OPERATIONS_DIR): SandboxCollection[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const document = parse(text);
      const name = file.replace(/^\d+-/, '').replace(/\.graphql$/, '');
      const operations = document.definitions
        .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
        .map((operation) => {
          if (!operation.name) throw new Error(`gateway/sandbox/${file}: every example operation needs a name`);
          return {
            id: `kyodo-${name}-${operation.name.value}`,
            name: operation.name.value,
            description: commentAbove(text, operation.loc?.start ?? 0),
            query: print(operation),
            variables: '{}',
            headers: '{}',
            extensions: '{}',
            createdAt: CREATED_AT,
          };
        });
      return { id: `kyodo-${name}`, name: `Kyodo: ${name}`, description: commentAbove(text, document.definitions[0]?.loc?.start ?? 0), createdAt: CREATED_AT, operations };
    });
}

export interface PreflightOptions {
  /** The demo users the script may sign in as (development); without them it asks for credentials. */
  demoUsers?: boolean;
  /** With trusted documents on, the registered SignIn document's sha256: the script sends it by hash. */
  signInHash?: string;
}

const SIGN_IN = 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { token expiresAt } }';

export const DEMO_SIGN_INS = {
  admin: { tenant: DEMO.tenant.subdomain, email: DEMO.admin.email, password: DEMO.admin.password },
  member: { tenant: DEMO.tenant.subdomain, email: DEMO.member.email, password: DEMO.member.password },
  guest: { tenant: DEMO.tenant.subdomain, email: DEMO.guest.email, password: DEMO.guest.password },
  agent: { tenant: DEMO.vendorTenant.subdomain, email: DEMO.agent.email, password: DEMO.agent.password },
  operator: { tenant: DEMO.vendorTenant.subdomain, email: DEMO.operator.email, password: DEMO.operator.password },
} as const;

/**
 * The preflight script (runs in the sandbox's Web Worker before each request): reuses the token in
 * the environment until a minute before it expires, else signs in again; then sets the header.
 * Without demo users (production) it asks for tenant, email and password once per token.
 */
export function preflightScript(options: PreflightOptions): string {
  const body = options.signInHash ? { extensions: { persistedQuery: { version: 1, sha256Hash: options.signInHash } } } : { query: SIGN_IN };
  return `// Kyodo: signs in and sets "Authorization: Bearer <token>" before each request.
// Choose who you are with the environment variable demoUser (${Object.keys(DEMO_SIGN_INS).join(', ')}).
const demoUsers = ${options.demoUsers ? JSON.stringify(DEMO_SIGN_INS, null, 2) : '{}'};
const who = lab.environment.get('demoUser') || 'admin';
let token = lab.environment.get('token');
const expiresAt = Date.parse(lab.environment.get('tokenExpiresAt') || '');
if (!token || lab.environment.get('tokenUser') !== who || !(expiresAt - Date.now() > 60000)) {
  const input = demoUsers[who] || {
    tenant: await lab.prompt('Tenant (sub-domain)', ''),
    email: await lab.prompt('Email', ''),
    password: await lab.prompt('Password', ''),
  };
  const response = await fetch(self.location.origin + '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...${JSON.stringify(body)}, variables: { input } }),
  });
  const result = await response.json();
  if (!result.data || !result.data.signIn) throw new Error('Sign-in failed: ' + (result.errors || []).map((e) => e.message).join('; '));
  token = result.data.signIn.token;
  lab.environment.set('token', token);
  lab.environment.set('tokenExpiresAt', result.data.signIn.expiresAt);
  lab.environment.set('tokenUser', who);
  console.log('Signed in as ' + who + ' until ' + result.data.signIn.expiresAt);
}
lab.request.headers.set('Authorization', 'Bearer ' + token);
`;
}
