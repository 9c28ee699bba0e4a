import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SubgraphDeps } from '@kyodo/subgraph-kit';
import nodemailer from 'nodemailer';
import type { MailFormat } from './entities/enums.js';

export const MAIL_FROM = 'Kyodo <no-reply@kyodo.localhost>';
export const DEFAULT_PUBLIC_URL = 'http://localhost:4000';

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
 * Sends through SMTP when `smtpUrl` is set (SMTP_URL); otherwise writes the RFC 5322 message
 * as an .eml file under `<dataDir>/mail/`, where a person or a test can open it.
 * Returns the file written, if any.
 */
export async function sendMail(deps: Pick<SubgraphDeps, 'smtpUrl' | 'dataDir'>, mail: OutgoingMail, now: Date): Promise<string | null> {
  const message = { from: MAIL_FROM, to: mail.to, subject: mail.subject, date: now, ...renderMail(mail) };
  if (deps.smtpUrl) {
    await nodemailer.createTransport(deps.smtpUrl).sendMail(message);
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
