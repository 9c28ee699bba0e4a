import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { bearerToken, type TokenVerifier, type Viewer } from '@kyodo/auth';
import { chooseLanguage, type Language } from '@kyodo/subgraph-kit/refusals';
import type { ExecutionResult } from 'graphql';
import { inLanguage, isGatewayRefusal } from './refusals.js';

/**
 * I1: the language of each request the gateway answers, as the subgraphs choose it: the verified
 * token's `lng`, else Accept-Language, else Japanese. Kept per Request (as the viewers are): the
 * gateway has no AsyncLocalStorage scope of the kit, and the language is known only once the
 * token check (an `onParams` hook) has verified the token.
 */
export interface RequestLanguages {
  /** Records the request's language once its token is checked (`viewer`: the verified token, or null). */
  record(request: Request, viewer: Viewer | null): Language;
  /** The language recorded for the request, or worked out from its headers (a token verified again, quietly). */
  of(request: Request): Promise<Language>;
  /** The language for a request answered before the engine (a refused body): from its headers. */
  ofHeaders(authorization: string | null | undefined, acceptLanguage: string | null | undefined): Promise<Language>;
}

export function requestLanguages(verifier: TokenVerifier): RequestLanguages {
  const recorded = new WeakMap<Request, Language>();
  async function ofHeaders(authorization: string | null | undefined, acceptLanguage: string | null | undefined): Promise<Language> {
    let viewer: Viewer | null = null;
    try {
      const token = bearerToken(authorization ?? null);
      if (token) viewer = await verifier.verify(token);
    } catch {
      // a bad token's language is unknown: Accept-Language decides, as for the token's own refusal
    }
    return chooseLanguage(viewer, acceptLanguage);
  }
  return {
    record(request, viewer) {
      const language = chooseLanguage(viewer, request.headers.get('accept-language'));
      recorded.set(request, language);
      return language;
    },
    async of(request) {
      return recorded.get(request) ?? ofHeaders(request.headers.get('authorization'), request.headers.get('accept-language'));
    },
    ofHeaders,
  };
}

type Result = ExecutionResult;

function isAsyncIterable(value: unknown): value is AsyncIterable<Result> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

const hasRefusal = (result: Result | undefined): boolean => result?.errors?.some(isGatewayRefusal) ?? false;

function written(result: Result, language: Language): Result {
  return { ...result, errors: result.errors!.map((error) => inLanguage(error, language)) };
}

/** A stream's events, the gateway's refusals among their errors written in the request's language. */
function writtenStream(source: AsyncIterable<Result>, language: () => Promise<Language>): AsyncIterableIterator<Result> {
  const iterator = source[Symbol.asyncIterator]();
  let chosen: Promise<Language> | undefined;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const step = await iterator.next();
      if (step.done || !hasRefusal(step.value)) return step;
      return { done: false, value: written(step.value, await (chosen ??= language())) };
    },
    async return(value?: unknown) {
      return (await iterator.return?.(value)) ?? { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
  };
}

/**
 * Writes the gateway's refusals in each request's language as the answer leaves (Yoga's
 * `onResultProcess`, which every answer passes, refusals thrown from `onParams` included). Not
 * earlier: Yoga caches parse errors (the token limit) by document text and validation errors
 * (the other limits, introspection, client mistakes) by document and rule names, so an error
 * written for one request is served again to the next caller of that document, whatever their
 * language. The cached error is left as it is; the answer gets a copy in the right language.
 */
export function useRefusalLanguage(languages: RequestLanguages): GatewayPlugin {
  return {
    onResultProcess({ request, result, setResult }) {
      if (isAsyncIterable(result)) {
        setResult(writtenStream(result, () => languages.of(request)) as never);
        return;
      }
      const results = (Array.isArray(result) ? result : [result]) as Result[];
      if (!results.some(hasRefusal)) return;
      return languages.of(request).then((language) => {
        const rewritten = results.map((one) => (hasRefusal(one) ? written(one, language) : one));
        setResult((Array.isArray(result) ? rewritten : rewritten[0]) as never);
      });
    },
  };
}
