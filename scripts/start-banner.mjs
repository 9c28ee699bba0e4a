import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The demo sign-in the banner shows (README "Quick start"). */
export const DEMO_SIGN_IN = { tenant: 'demo', email: 'admin@demo.example', password: 'demo-admin-pass' };

/** The same rule as the gateway's main.ts: trusted documents are on in production unless TRUSTED_DOCUMENTS=off. */
export function trustedDocumentsOn(env, nodeEnv) {
  return (env.TRUSTED_DOCUMENTS ?? (nodeEnv === 'production' ? 'members' : 'off')) !== 'off';
}

/** The hash of the client apps' registered SignIn document (packages/client's manifest), or undefined. */
export function registeredSignInHash(root) {
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'packages/client/src/gql/persisted-documents.json'), 'utf8'));
    const key = Object.keys(manifest).find((hash) => manifest[hash].startsWith('mutation SignIn('));
    return key?.replace(/^sha256:/, '');
  } catch {
    return undefined;
  }
}

/**
 * The body of the banner's sign-in example. With trusted documents on (production), an anonymous
 * caller may send only a registered document, so the example sends the registered SignIn by its
 * hash (APQ shape); otherwise the document itself.
 */
export function signInRequestBody({ trusted, signInHash }) {
  const variables = { input: DEMO_SIGN_IN };
  if (trusted && signInHash) return { variables, extensions: { persistedQuery: { version: 1, sha256Hash: signInHash } } };
  return { query: 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { token } }', variables };
}

/** The banner's "sign in" lines: a sandbox step and a curl that the running gateway accepts. */
export function signInBannerLines({ sandbox, trusted, signInHash }) {
  const body = JSON.stringify(signInRequestBody({ trusted, signInHash }));
  const inline = `mutation { signIn(input: {tenant: "${DEMO_SIGN_IN.tenant}", email: "${DEMO_SIGN_IN.email}", password: "${DEMO_SIGN_IN.password}"}) { token } }`;
  return [
    trusted
      ? '  1. Sign in: open the sandbox and run the "Sign in" preflight (it sends the registered SignIn; production runs only registered documents until you are signed in as a member)'
      : '  1. Sign in (paste into the sandbox):',
    ...(trusted ? [] : [`     ${inline}`]),
    `     or with curl:  curl -s ${sandbox} -H 'content-type: application/json' \\`,
    `                      -d '${body}'`,
  ];
}
