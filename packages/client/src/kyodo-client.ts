import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { RefreshTokenDocument } from './gql/graphql.js';

/** One GraphQL error as the gateway sends it: `extensions.code` is stable, the message is for people. */
export interface KyodoGraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface KyodoResult<TData> {
  data?: TData | null;
  errors?: KyodoGraphQLError[];
}

/** Thrown by `data()` when the answer carries errors; `codes` lists their `extensions.code`. */
export class KyodoRequestError extends Error {
  readonly codes: string[];
  constructor(
    readonly errors: KyodoGraphQLError[],
    readonly status: number,
  ) {
    super(errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('; '));
    this.name = 'KyodoRequestError';
    this.codes = errors.map((error) => error.extensions?.code ?? 'ERROR');
  }
}

export interface Session {
  token: string;
  /** RFC 3339, as `SignInPayload.expiresAt`. */
  expiresAt: string;
}

export interface KyodoClientOptions {
  /** The gateway's GraphQL URL, e.g. http://localhost:4000/graphql. */
  url: string;
  /**
   * 'hash' (default): send only the document's hash, as the gateway's trusted documents expect
   * of client apps in production; 'document': send the text too (development, tools).
   */
  send?: 'hash' | 'document';
  /** Refresh the session this long before it expires (default 60 s). */
  refreshBeforeMs?: number;
  /** Told of every new session (sign-in, refresh), e.g. to keep it in storage; null on sign-out. */
  onSession?: (session: Session | null) => void;
  fetch?: typeof fetch;
  now?: () => number;
  headers?: Record<string, string>;
  /**
   * I1: the language the app shows, read on every request and sent as Accept-Language, so a
   * refusal to a caller not signed in (whose token has no language yet) is in the language on
   * screen, not the browser's; a signed-in user's token decides for them. None: the browser's own.
   */
  acceptLanguage?: () => string | null | undefined;
}

interface DocumentMeta {
  __meta__?: { hash?: string };
}

/** The sha256 the codegen client preset embedded in the document (trusted documents manifest key). */
export function documentHash(document: TypedDocumentNode<unknown, never> | DocumentMeta): string {
  const hash = (document as DocumentMeta).__meta__?.hash;
  if (!hash) throw new Error('This document has no embedded hash: write it under packages/client/operations/ and run `npm run codegen -w @kyodo/client`.');
  return hash.replace(/^sha256:/, '');
}

export interface KyodoClient {
  /** The answer as sent, data and errors both (a partial answer keeps its data). */
  request<TData, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVariables>, ...variables: VariablesArg<TVariables>): Promise<KyodoResult<TData>>;
  /** The data, or a KyodoRequestError when the answer has any error. */
  data<TData, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVariables>, ...variables: VariablesArg<TVariables>): Promise<TData>;
  /** Uses this session from now on (after signIn, setPassword or acceptInvitation); null signs out. */
  setSession(session: Session | null): void;
  readonly session: Session | null;
}

type VariablesArg<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

function acceptLanguageHeader(language: string | null | undefined): Record<string, string> {
  return language ? { 'accept-language': language } : {};
}

export function createKyodoClient(options: KyodoClientOptions): KyodoClient {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const refreshBeforeMs = options.refreshBeforeMs ?? 60_000;
  const send = options.send ?? 'hash';
  let session: Session | null = null;
  let refreshing: Promise<void> | null = null;

  function setSession(next: Session | null): void {
    session = next;
    options.onSession?.(next);
  }

  async function post<TData>(document: TypedDocumentNode<TData, never>, variables: Record<string, unknown> | undefined, token: string | undefined): Promise<{ status: number; body: KyodoResult<TData> }> {
    const payload: Record<string, unknown> = { variables: variables ?? {} };
    if (send === 'hash') payload.extensions = { persistedQuery: { version: 1, sha256Hash: documentHash(document) } };
    else payload.query = print(document);
    const response = await doFetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...options.headers,
        ...acceptLanguageHeader(options.acceptLanguage?.()),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(payload),
    });
    const text = await response.text();
    let body: KyodoResult<TData>;
    try {
      body = JSON.parse(text) as KyodoResult<TData>;
    } catch {
      throw new KyodoRequestError([{ message: `The gateway answered ${response.status} without a GraphQL body.`, extensions: { code: 'BAD_RESPONSE' } }], response.status);
    }
    return { status: response.status, body };
  }

  // A token is refreshed shortly before it expires, once for all requests waiting on it; an
  // expired one cannot be refreshed (the gateway refuses it), so the app must sign in again.
  async function freshToken(): Promise<string | undefined> {
    if (!session) return undefined;
    const remaining = Date.parse(session.expiresAt) - now();
    if (remaining > refreshBeforeMs || remaining <= 0) return session.token;
    refreshing ??= (async () => {
      try {
        const { body, status } = await post(RefreshTokenDocument, {}, session?.token);
        if (body.errors?.length || !body.data) throw new KyodoRequestError(body.errors ?? [], status);
        setSession({ token: body.data.refreshToken.token, expiresAt: body.data.refreshToken.expiresAt });
      } finally {
        refreshing = null;
      }
    })();
    await refreshing;
    return session?.token;
  }

  async function request<TData, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVariables>, ...args: VariablesArg<TVariables>): Promise<KyodoResult<TData>> {
    const token = await freshToken();
    return (await post(document as TypedDocumentNode<TData, never>, args[0], token)).body;
  }

  return {
    request,
    async data(document, ...args) {
      const result = await request(document, ...args);
      if (result.errors?.length || result.data == null) throw new KyodoRequestError(result.errors ?? [{ message: 'The answer had no data.' }], 200);
      return result.data;
    },
    setSession,
    get session() {
      return session;
    },
  };
}
