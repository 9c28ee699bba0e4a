import type { ResolverData } from 'type-graphql';
import { kitRefusals } from './kit-refusals.js';
import { currentLanguage } from './refusals.js';

/**
 * Text a client sends, checked in one place for every argument and input field of every
 * subgraph (buildFederatedSchema installs checkTextInputs as type-graphql's validateFn), so a
 * new input cannot forget it:
 *
 * - no C0 or C1 control characters (U+0000-U+001F, U+007F-U+009F) and no Unicode line or
 *   paragraph separators (U+2028, U+2029): NUL truncates text in C libraries and some
 *   databases, escape sequences rewrite terminals and logs, and a line break in a name forges
 *   lines in mail headers, CSV files and logs;
 * - fields marked @MultiLineText() (thread and space bodies, comments, ticket bodies and
 *   replies, card notes) may hold line feeds and tabs; CRLF and CR become LF;
 * - everything is normalised to Unicode NFC, so a name typed with combining marks
 *   (か + U+3099) and its composed form (が) are one name for search, uniqueness and display.
 *   NFC, not NFKC: NFKC would also fold full-width and half-width forms, which C1's
 *   search does on its own copy but a stored name keeps as typed;
 * - fields marked @VerbatimText() (passwords) are neither checked nor rewritten: they are
 *   compared as given and never displayed.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
// eslint-disable-next-line no-control-regex -- as above
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/u;

type Mark = Exclude<TextKind, 'singleLine'>;
/** Marked properties per input class prototype (inherited marks are found up the chain). */
const marks = new WeakMap<object, Map<string, Mark>>();

function mark(kind: Mark): PropertyDecorator {
  return (prototype, property) => {
    const own = marks.get(prototype) ?? new Map<string, Mark>();
    own.set(String(property), kind);
    marks.set(prototype, own);
  };
}

/** This field may span lines: line feeds and tabs are kept (other control characters are not). */
export const MultiLineText = (): PropertyDecorator => mark('multiLine');
/** A secret compared as given (a password): not checked, not normalised. */
export const VerbatimText = (): PropertyDecorator => mark('verbatim');

function markOf(holder: object, property: string): Mark | undefined {
  for (let proto = Object.getPrototypeOf(holder) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    const found = marks.get(proto)?.get(property);
    if (found) return found;
  }
  return undefined;
}

/** The kind of text an input class's property takes, as its marks say: for checks outside GraphQL (C4 import). */
export function textKindOf(inputClass: abstract new (...args: never[]) => unknown, property: string): TextKind {
  return markOf(Object.create(inputClass.prototype as object) as object, property) ?? 'singleLine';
}

function describe(char: string): string {
  const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `U+${code}`;
}

/** What a field's text may be: one line (the default), several lines, or a verbatim secret. */
export type TextKind = 'singleLine' | 'multiLine' | 'verbatim';

type TextProblem = { key: 'textControlCharacter' | 'multiLineControlCharacter'; params: { field: string; char: string; position: number } };

function inspect(value: string, field: string, kind: TextKind): { text: string; problem: null } | { text: null; problem: TextProblem } {
  if (kind === 'verbatim') return { text: value, problem: null };
  const text = kind === 'multiLine' ? value.replace(/\r\n?/g, '\n') : value;
  const found = (kind === 'multiLine' ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).exec(text);
  if (!found) return { text: text.normalize('NFC'), problem: null };
  const key = kind === 'multiLine' ? 'multiLineControlCharacter' : 'textControlCharacter';
  return { text: null, problem: { key, params: { field, char: describe(found[0]), position: found.index + 1 } } };
}

/**
 * The checked and normalised form of one text value, or the problem in words naming the field
 * (in the current request's language, I1). Exported for text that arrives other than as a
 * GraphQL argument (a CSV import row, C4).
 */
export function checkText(value: string, field: string, kind: TextKind = 'singleLine'): { text: string; problem: null } | { text: null; problem: string } {
  const checked = inspect(value, field, kind);
  if (checked.problem === null) return checked;
  return { text: null, problem: kitRefusals.message(checked.problem.key, currentLanguage(), checked.problem.params) };
}

/** checkText for an argument: the normalised text, or BAD_USER_INPUT naming the field. */
export function checkedText(value: string, field: string, kind: TextKind = 'singleLine'): string {
  const checked = inspect(value, field, kind);
  if (checked.problem !== null) throw kitRefusals.refuse(checked.problem.key, checked.problem.params, { field });
  return checked.text;
}

/** Checks and normalises, in place, every string inside an input object (nested inputs and lists too). */
function checkInput(property: string, value: unknown, kind: Mark | undefined): unknown {
  if (typeof value === 'string') return checkedText(value, property, kind);
  if (Array.isArray(value)) return value.map((item) => checkInput(property, item, kind));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const object = value as Record<string, unknown>;
    for (const [key, inner] of Object.entries(object)) object[key] = checkInput(key, inner, markOf(object, key));
  }
  return value;
}

/**
 * type-graphql's validateFn: called with each argument after it is converted to its input
 * class. Objects are checked and normalised in place (type-graphql passes that same object to
 * the resolver). A bare string argument (`search`, `tenant`) cannot be replaced from here, so
 * it is checked but not normalised.
 */
export function checkTextInputs(argValue: unknown, _argType: unknown, resolverData: ResolverData): void {
  const args = resolverData.args as Record<string, unknown>;
  const name = Object.keys(args).find((key) => args[key] === argValue) ?? 'input';
  checkInput(name, argValue, undefined);
}
