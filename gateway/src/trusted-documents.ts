import { readFile } from 'node:fs/promises';
import { bearerToken, type TokenVerifier } from '@kyodo/auth';
import { StartupError } from '@kyodo/subgraph-kit/startup';
import { gatewayRefusals } from './refusals/refusals.js';

/**
 * Trusted documents (issue 13): in production the gateway runs only the operations our client
 * apps were built with, named by the sha256 of their text (the manifest GraphQL Code Generator
 * writes for packages/client: `npm run codegen -w @kyodo/client`). A client sends
 * `extensions.persistedQuery.sha256Hash` (the APQ shape Apollo and Hive clients already speak);
 * an arbitrary document is refused unless the policy lets its sender in (signed-in members
 * exploring the sandbox, by default).
 */
export type ArbitraryDocuments = 'everyone' | 'members' | 'nobody';

export interface TrustedDocuments {
  /** sha256 hex -> document text. */
  documents: ReadonlyMap<string, string>;
  /**
   * Who may still send a document that is not in the manifest; 'everyone' is development
   * (TRUSTED_DOCUMENTS=off): anything runs, and the apps' hashes still resolve.
   */
  arbitrary: ArbitraryDocuments;
}

export const DEFAULT_TRUSTED_DOCUMENTS_PATH = new URL('../../packages/client/src/gql/persisted-documents.json', import.meta.url).pathname;

/** The codegen manifest (`{ "sha256:<hex>": "<document>" }`), keyed by the bare hex hash. */
export function parseTrustedDocuments(manifest: unknown, source = 'the manifest'): Map<string, string> {
  if (manifest == null || typeof manifest !== 'object' || Array.isArray(manifest)) throw new StartupError(`TRUSTED_DOCUMENTS_FILE: ${source} is not a JSON object of hash -> document.`);
  const documents = new Map<string, string>();
  for (const [key, document] of Object.entries(manifest)) {
    const hash = key.replace(/^sha256:/, '');
    if (!/^[0-9a-f]{64}$/.test(hash) || typeof document !== 'string') throw new StartupError(`TRUSTED_DOCUMENTS_FILE: ${source} has an entry that is not "sha256:<64 hex>": "<document>" (${key.slice(0, 80)}).`);
    documents.set(hash, document);
  }
  return documents;
}

export async function loadTrustedDocuments(path: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new StartupError(`TRUSTED_DOCUMENTS_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}); run \`npm run codegen -w @kyodo/client\` or point it at the client's manifest.`);
  }
  try {
    return parseTrustedDocuments(JSON.parse(text), path);
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw new StartupError(`TRUSTED_DOCUMENTS_FILE: ${path} is not valid JSON.`);
  }
}

/** The gateway runtime's `persistedDocuments` option for these documents. */
export function persistedDocumentsOption(trusted: TrustedDocuments, verifier: TokenVerifier) {
  return {
    getPersistedOperation: (hash: string) => trusted.documents.get(hash.replace(/^sha256:/, '').toLowerCase()) ?? null,
    async allowArbitraryDocuments(request: Request): Promise<boolean> {
      if (trusted.arbitrary === 'everyone') return true;
      if (trusted.arbitrary === 'nobody') return false;
      try {
        const token = bearerToken(request.headers.get('authorization'));
        // a guest is an outsider (S3): only the documents our apps send
        return token != null && (await verifier.verify(token)).kind === 'MEMBER';
      } catch {
        return false;
      }
    },
    // I1: these may run before the token check records the request's language; each is written in
    // the caller's language as the answer leaves (request-language.ts)
    customErrors: {
      notFound: () => gatewayRefusals.refuse('documentNotRegistered'),
      keyNotFound: () => gatewayRefusals.refuse('documentHashRequired'),
      persistedQueryOnly: () => gatewayRefusals.refuse(trusted.arbitrary === 'members' ? 'registeredDocumentsOrMember' : 'registeredDocumentsOnly'),
    },
  };
}
