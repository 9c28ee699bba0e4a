import { KyodoRequestError } from '@kyodo/client';
import { useCallback, useId, useState, type HTMLAttributes, type InputHTMLAttributes, type ReactNode } from 'react';

/** One refusal as the API gave it: its message, and the input field it names (extensions.field), if any. */
export interface Refusal {
  message: string;
  field: string | null;
}

/** The refusals of a failed request; `field` is the last part of extensions.field ('admin.email' -> 'email'). */
export function refusalsOf(error: unknown): Refusal[] {
  if (!error) return [];
  if (error instanceof KyodoRequestError) {
    return error.errors.map((e) => {
      const field = typeof e.extensions?.field === 'string' ? e.extensions.field.split('.').pop()! : null;
      return { message: e.message, field };
    });
  }
  return [{ message: error instanceof Error ? error.message : String(error), field: null }];
}

/** Runs a form's request: busy while it runs, its refusal kept for the fields to show. */
export function useAction() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, busy, run, clear: () => setError(null) };
}

/** The refusals that name `field`, shown under its input (and read out with it, aria-describedby). */
export function FieldRefusal({ error, field, id }: { error: unknown; field: string; id: string }) {
  const mine = refusalsOf(error).filter((r) => r.field === field);
  if (mine.length === 0) return null;
  return (
    <span id={id} role="alert" className="error field-refusal">
      {mine.map((r) => r.message).join(' ')}
    </span>
  );
}

/** The refusals that name none of the form's fields: beside the form's button, as the API worded them. */
export function FormRefusal({ error, fields = [], testId }: { error: unknown; fields?: string[]; testId?: string }) {
  const rest = refusalsOf(error).filter((r) => !r.field || !fields.includes(r.field));
  if (rest.length === 0) return null;
  return (
    <p role="alert" className="error" data-testid={testId}>
      {rest.map((r) => r.message).join(' ')}
    </p>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'onChange' | 'value'>;

/** A labelled input whose refusal (extensions.field === name) is shown right under it. */
export function InputField({ label, name, value, onChange, error, formId, ...rest }: InputProps & { label: string; name: string; value: string; onChange: (value: string) => void; error: unknown; formId: string }) {
  const refusalId = `${formId}-${name}-refusal`;
  const refused = refusalsOf(error).some((r) => r.field === name);
  const id = useId();
  // the label names the input by `for`, not by wrapping it: a wrapped input's value would join its name
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input {...rest} id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={refused || undefined} aria-describedby={refused ? refusalId : undefined} />
      <FieldRefusal error={error} field={name} id={refusalId} />
    </div>
  );
}

/** A labelled select of enum values shown as words. */
export function SelectField({ label, name, value, onChange, options }: { label: string; name: string; value: string; onChange: (value: string) => void; options: { value: string; label: string }[] }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A client-chosen idempotency key (orders: a retry of the same order orders once). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** One column of a DataTable: its header and what each row shows in it. */
export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** e.g. 'wrap' for long text (ids, descriptions) */
  className?: string;
}

/**
 * The consoles' tables: a header row of column headers (scope="col") and a row per item, the
 * empty text instead of the table when there are none. `scroll` lets a wide table scroll on its
 * own at 390 px instead of widening the page.
 */
export function DataTable<T>({ columns, rows, rowKey, testId, caption, empty, scroll, rowProps }: { columns: Column<T>[]; rows: readonly T[]; rowKey: (row: T) => string; testId?: string; caption?: string; empty?: string; scroll?: boolean; rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> }) {
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>;
  const table = (
    <table data-testid={testId}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowProps?.(row)}>
            {columns.map((c) => (
              <td key={c.header} className={c.className}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return scroll ? <div className="scroll">{table}</div> : table;
}

/** One labelled value of a Facts list; `testId` marks the value. */
export type Fact = [label: string, value: ReactNode, testId?: string] | false | null | undefined;

/** Labelled values (a contract, a quote, an invoice's header and totals): a description list; false entries are left out. */
export function Facts({ facts, testId, label }: { facts: Fact[]; testId?: string; label?: string }) {
  return (
    <dl className="quote" data-testid={testId} aria-label={label}>
      {facts
        .filter((f): f is [string, ReactNode, string?] => !!f)
        .map(([term, value, valueTestId]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd data-testid={valueTestId}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
