import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createGateway, DEFAULT_TRUSTED_DOCUMENTS_PATH, loadTrustedDocuments } from '@kyodo/gateway';
import { startStack, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredSignInHash, signInBannerLines, signInRequestBody, trustedDocumentsOn } from '../../scripts/start-banner.mjs';
import { SUPERGRAPH_PATH } from './full-stack.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The JSON the banner's curl sends (its -d '…' argument). */
const curlBody = (lines: string[]) => JSON.parse(/-d '(.*)'$/.exec(lines.find((line) => line.includes("-d '"))!.trim())![1]!) as unknown;

describe('the start:prod banner signs in the way production accepts (issue 19, item 8)', () => {
  let stack: Stack;
  beforeAll(async () => {
    const supergraphSdl = await readFile(SUPERGRAPH_PATH, 'utf8');
    const documents = await loadTrustedDocuments(DEFAULT_TRUSTED_DOCUMENTS_PATH);
    // production's gateway: trusted documents, anonymous callers only the registered ones
    stack = await startStack({
      gateway: ({ subgraphUrls, verifier, gatewaySecret }) => createGateway({ supergraphSdl, subgraphUrls, verifier, gatewaySecret, trustedDocuments: { documents, arbitrary: 'members' } }),
    });
  });
  afterAll(() => stack?.close());

  const post = async (body: unknown) => (await (await fetch(stack.gatewayUrl!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { data?: { signIn?: { token: string } }; errors?: Array<{ extensions?: { code?: string } }> };

  it("production's banner example returns a token; the development example (a document of one's own) is what production refuses", async () => {
    expect(trustedDocumentsOn({}, 'production')).toBe(true);
    expect(trustedDocumentsOn({ TRUSTED_DOCUMENTS: 'off' }, 'production')).toBe(false);
    expect(trustedDocumentsOn({}, 'development')).toBe(false);
    const signInHash = registeredSignInHash(ROOT);
    expect(signInHash).toMatch(/^[0-9a-f]{64}$/);
    const production = signInBannerLines({ sandbox: stack.gatewayUrl!, trusted: true, signInHash });
    expect((await post(curlBody(production))).data?.signIn?.token).toEqual(expect.any(String));
    const development = curlBody(signInBannerLines({ sandbox: stack.gatewayUrl!, trusted: false, signInHash }));
    expect(development).toEqual(signInRequestBody({ trusted: false, signInHash }));
    expect((await post(development)).errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_ID_REQUIRED']);
  });
});
