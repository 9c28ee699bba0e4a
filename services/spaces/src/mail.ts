import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv, type SubgraphDeps } from '@kyodo/subgraph-kit';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { MailFormat } from './entities/enums.js';
import { spacesRefusals, type SpacesRefusalKey } from './refusals/refusals.js';

/** The sender when MAIL_FROM is not set (development, tests). */
export const DEFAULT_MAIL_FROM = 'Kyodo <no-reply@kyodo.localhost>';
export const DEFAULT_PUBLIC_URL = 'http://localhost:4000';

/** `Name <address>` or a bare address; no line breaks (a header injection would add recipients). */
const MAIL_FROM_FORM = /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

/** MAIL_FROM, the sender of every mail spaces sends; checked at start with the other settings. */
export const mailEnvSchema = z.object({
  MAIL_FROM: z
    .string()
    .trim()
    .regex(MAIL_FROM_FORM, 'must be an address ("no-reply@example.jp") or a name and address ("Kyodo <no-reply@example.jp>")')
    .optional(),
});

/** The configured sender (MAIL_FROM), else the development default. */
export function mailFromOf(deps: Pick<SubgraphDeps, 'env'>): string {
  return parseEnv(mailEnvSchema, deps.env ?? {}).MAIL_FROM || DEFAULT_MAIL_FROM;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  /** Paragraphs of plain text; a line may be a link. */
  paragraphs: string[];
  /** S8: the tenant's system-wide format, never the recipient's own setting. */
  format: MailFormat;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** HTML or plain text (S8): an HTML mail carries a text alternative; a TEXT mail has no HTML part. */
export function renderMail(mail: OutgoingMail): { text: string; html?: string } {
  const text = mail.paragraphs.join('\n\n');
  if (mail.format === 'TEXT') return { text };
  const html = mail.paragraphs
    .map((p) => (/^https?:\/\/\S+$/.test(p) ? `<p><a href="${escapeHtml(p)}">${escapeHtml(p)}</a></p>` : `<p>${escapeHtml(p)}</p>`))
    .join('\n');
  return { text, html: `<!doctype html>\n<html><body>\n${html}\n</body></html>` };
}

/**
 * Callers send inside their transaction, so these bound how long a slow or silent mail server
 * can hold it open (nodemailer waits up to 2 minutes for a connection and 10 for a reply by default);
 * query parameters of SMTP_URL (`?connectionTimeout=...`) still override them.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** The refusals for a mail that could not be sent, one per kind of mail (I1). */
export type MailUnavailableKey = Extract<SpacesRefusalKey, `mailUnavailable${string}`>;

/** The SMTP URL for a log line: host and port, never the user or password. */
const smtpHost = (smtpUrl: string) => smtpUrl.replace(/^(smtps?:\/\/)[^@/]*@/i, '$1');

/**
 * Sends through SMTP when `smtpUrl` is set (SMTP_URL); otherwise writes the RFC 5322 message
 * as an .eml file under `<dataDir>/mail/`, where a person or a test can open it.
 * Returns the file written, if any. A mail server that cannot be reached or refuses the
 * message is SERVICE_UNAVAILABLE (`unavailable`: the refusal that says which mail could not be
 * sent): callers send before they commit, so nothing was changed.
 */
export async function sendMail(
  deps: Pick<SubgraphDeps, 'smtpUrl' | 'dataDir' | 'logger' | 'env'>,
  mail: OutgoingMail,
  now: Date,
  unavailable: MailUnavailableKey = 'mailUnavailable',
): Promise<string | null> {
  const message = { from: mailFromOf(deps), to: mail.to, subject: mail.subject, date: now, ...renderMail(mail) };
  if (deps.smtpUrl) {
    const transport = nodemailer.createTransport({ url: deps.smtpUrl, ...SMTP_TIMEOUTS });
    try {
      await transport.sendMail(message);
    } catch (error) {
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      deps.logger?.error('mail not sent', { mail: unavailable, smtp: smtpHost(deps.smtpUrl), code, responseCode, error: error instanceof Error ? error.message : String(error) });
      throw spacesRefusals.refuse(unavailable);
    } finally {
      transport.close();
    }
    return null;
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail(message);
  const dir = join(deps.dataDir ?? 'data', 'mail');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${now.toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
  await writeFile(file, info.message as Buffer);
  return file;
}
