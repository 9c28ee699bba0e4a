import { AsyncLocalStorage } from 'node:async_hooks';
import { isLanguage, type Language, type Viewer } from '@kyodo/auth';
import Negotiator from 'negotiator';
import { appError, type ErrorCode } from './errors.js';

/**
 * I1: refusals in the person's language. A refusal is a key in a catalogue: its code and rule
 * id are defined once (`defineRefusals`), its text once per language (one catalogue file per
 * language, keyed by the refusal). The text is chosen when the refusal is thrown, in the
 * language of the request being served (`withLanguage`, set by the server for each request).
 */

export type { Language } from '@kyodo/auth';
export const DEFAULT_LANGUAGE: Language = 'ja';

/** What a refusal is: its stable code, the DOMAIN.md rule it enforces, the input field it names. */
export interface RefusalDefinition {
  code: ErrorCode;
  /** The rule id (DOMAIN.md), sent as `extensions.rule`. */
  rule?: string;
  /** The input field the refusal is about, sent as `extensions.field` (a form shows it beside that field). */
  field?: string;
}

/** A message with `{name}` placeholders, filled from the refusal's parameters. */
export type MessageTemplate = string;
export type RefusalParams = Record<string, string | number>;

/**
 * I1: the user's language (the token's `lng`: their locale, else their tenant's), else the first
 * language `Accept-Language` prefers that Kyodo speaks, else Japanese.
 */
export function chooseLanguage(viewer: Pick<Viewer, 'language'> | null | undefined, acceptLanguage: string | null | undefined): Language {
  if (viewer?.language) return viewer.language;
  if (acceptLanguage) {
    // negotiator: q-values, wildcards and region tags (en-GB counts as en), as Express reads them
    const preferred = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages(['ja', 'en']);
    const first = preferred[0];
    if (isLanguage(first)) return first;
  }
  return DEFAULT_LANGUAGE;
}

interface LanguageScope {
  language: Language;
}

const scopes = new AsyncLocalStorage<LanguageScope>();

/** Runs `work` with `language` as the language refusals are written in (per request; `setLanguage` may change it once the viewer is known). */
export function withLanguage<T>(language: Language, work: () => T): T {
  return scopes.run({ language }, work);
}

/** Sets `language` for the rest of the current asynchronous flow (a live stream's events, which outlive any one call). */
export function enterLanguage(language: Language): void {
  scopes.enterWith({ language });
}

/** Sets the current request's language (after its token is verified). No-op outside a request. */
export function setLanguage(language: Language): void {
  const scope = scopes.getStore();
  if (scope) scope.language = language;
}

/** The language of the request being served; Japanese outside one (jobs, start-up). */
export function currentLanguage(): Language {
  return scopes.getStore()?.language ?? DEFAULT_LANGUAGE;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The names a template uses, sorted (a test checks both languages use the same). */
export function placeholdersOf(template: MessageTemplate): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/**
 * Fills `{name}` from params. By hand: the catalogue needs named placeholders and nothing else
 * (no plurals: each language's text is written so a number reads right), and a missing
 * parameter must be a loud bug, which a message-format library would print as text.
 */
export function fillTemplate(template: MessageTemplate, params: RefusalParams = {}): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`refusal message: no value for {${name}} in "${template}"`);
    return String(value);
  });
}

export type RefusalCatalogue<K extends string> = Readonly<Record<K, MessageTemplate>>;

/**
 * A refusal as data: what a rule in `src/domain/` answers when it refuses, with no GraphQL and
 * no words in it. The service words it later, in its reader's language: as the error a resolver
 * throws (`refuseWith`) or as text (`messageOf`: a report, a log line).
 */
export interface RefusalOf<K extends string> {
  readonly key: K;
  /** The values its text names. */
  readonly params?: RefusalParams;
  /** The input field, when the input decides which (sent as `extensions.field`, over the definition's). */
  readonly field?: string;
  /** Extensions beyond the definition's (figures a client shows with the refusal). */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * A refusal thrown by a rule that answers a value when it does not refuse (licensing's quotes and
 * invoices), made by `Refusals.thrown`. It is the refusal as data (`refuseWith` takes it as it
 * is) with its code and field; its message is the English text, for logs and command lines.
 */
export class ThrownRefusal<K extends string = string> extends Error implements RefusalOf<K> {
  readonly key: K;
  readonly params: RefusalParams;
  readonly extensions: Readonly<Record<string, unknown>>;
  readonly code: ErrorCode;
  /** The field it names: the refusal's own, else its definition's. */
  readonly field: string | undefined;

  constructor(
    refusal: RefusalOf<K>,
    /** The definition it was made from: `isThrown` tells one catalogue's refusals from another's by it. */
    readonly definition: RefusalDefinition,
    message: string,
  ) {
    super(message);
    this.name = 'ThrownRefusal';
    this.key = refusal.key;
    this.params = refusal.params ?? {};
    this.extensions = refusal.extensions ?? {};
    this.code = definition.code;
    this.field = refusal.field ?? definition.field;
  }
}

export interface Refusals<K extends string> {
  readonly definitions: Readonly<Record<K, RefusalDefinition>>;
  readonly catalogues: Readonly<Record<Language, RefusalCatalogue<K>>>;
  /** The refusal `key` as a GraphQL error, its message in the current request's language. */
  refuse(key: K, params?: RefusalParams, extensions?: Record<string, unknown>): ReturnType<typeof appError>;
  /** The text of `key` in `language` (mail, logs, tests). */
  message(key: K, language: Language, params?: RefusalParams): string;
  /** A domain rule's refusal as the GraphQL error, in the current request's language; `extensions` add to (or override) its own. */
  refuseWith(refusal: RefusalOf<K>, extensions?: Record<string, unknown>): ReturnType<typeof appError>;
  /** A domain rule's refusal as text in `language`. */
  messageOf(refusal: RefusalOf<K>, language: Language): string;
  /** A domain rule's refusal as an Error to throw (for a rule that otherwise answers a value). */
  thrown(refusal: RefusalOf<K>): ThrownRefusal<K>;
  /** Whether `error` is a refusal of this catalogue thrown by `thrown`. */
  isThrown(error: unknown): error is ThrownRefusal<K>;
}

/**
 * One subgraph's (or the kit's) refusals: definitions and one catalogue per language. The types
 * make a key without Japanese or English text a compile error; `checkCatalogues` (run by each
 * catalogue's test) makes an empty, untranslated or mismatched one a failing test.
 */
export function defineRefusals<K extends string>(definitions: Record<K, RefusalDefinition>, catalogues: Record<Language, RefusalCatalogue<K>>): Refusals<K> {
  const message = (key: K, language: Language, params?: RefusalParams) => fillTemplate(catalogues[language][key], params);
  const refuse = (key: K, params?: RefusalParams, extensions: Record<string, unknown> = {}) => {
    const { code, rule, field } = definitions[key];
    return appError(code, message(key, currentLanguage(), params), { ...(rule ? { rule } : {}), ...(field ? { field } : {}), ...extensions });
  };
  return {
    definitions,
    catalogues,
    message,
    refuse,
    refuseWith: (refusal, extensions) => refuse(refusal.key, refusal.params, { ...(refusal.field ? { field: refusal.field } : {}), ...refusal.extensions, ...extensions }),
    messageOf: (refusal, language) => message(refusal.key, language, refusal.params),
    thrown: (refusal) => new ThrownRefusal(refusal, definitions[refusal.key], message(refusal.key, 'en', refusal.params)),
    isThrown: (error): error is ThrownRefusal<K> => error instanceof ThrownRefusal && Object.hasOwn(definitions, error.key) && definitions[error.key as K] === error.definition,
  };
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;

/**
 * What is wrong with a set of catalogues, one line per problem (empty when none): a key without
 * Japanese text (or whose "Japanese" has no Japanese character, i.e. was left in English),
 * without English text, or whose two texts use different placeholders.
 */
export function checkCatalogues<K extends string>(refusals: Pick<Refusals<K>, 'definitions' | 'catalogues'>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(refusals.definitions) as K[]) {
    const ja = refusals.catalogues.ja[key];
    const en = refusals.catalogues.en[key];
    if (typeof ja !== 'string' || !ja.trim()) problems.push(`${key}: no Japanese text`);
    else if (!JAPANESE.test(ja)) problems.push(`${key}: the Japanese text has no Japanese in it: "${ja}"`);
    if (typeof en !== 'string' || !en.trim()) problems.push(`${key}: no English text`);
    if (typeof ja === 'string' && typeof en === 'string' && placeholdersOf(ja).join() !== placeholdersOf(en).join()) {
      problems.push(`${key}: the placeholders differ (ja: ${placeholdersOf(ja).join(', ') || 'none'}; en: ${placeholdersOf(en).join(', ') || 'none'})`);
    }
  }
  for (const language of ['ja', 'en'] as const) {
    for (const key of Object.keys(refusals.catalogues[language])) {
      if (!(key in refusals.definitions)) problems.push(`${key}: in the ${language} catalogue but not defined`);
    }
  }
  return problems;
}
