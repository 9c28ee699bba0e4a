import { languageOf, type Locale } from './entities/enums.js';

/** A mail's words: the subject and paragraphs of plain text (a paragraph may be a bare link). */
export interface MailText {
  subject: string;
  paragraphs: string[];
}

/** An instant as a reader in Japan reads it (the tenants' default time zone), e.g. "2026-12-07 10:00 (JST)". */
function tokyoTime(instant: Date): string {
  const local = new Date(instant.getTime() + 9 * 60 * 60 * 1000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (JST)`;
}

/**
 * Customer mail is Japanese first (the customers are Japanese companies), with the English after
 * it in the same mail; a tenant set to EN gets the English alone.
 */
function localised(locale: Locale, ja: MailText, en: MailText): MailText {
  if (languageOf(locale) === 'en') return en;
  return { subject: `${ja.subject} / ${en.subject}`, paragraphs: [...ja.paragraphs, '----- English -----', ...en.paragraphs] };
}

/** T4: to a new tenant's first administrator, or a member an administrator added: set a password from the link. */
export function passwordSetupMail(locale: Locale, facts: { name: string; tenantName: string; subdomain: string; link: string; expiresAt: Date; firstAdmin: boolean }): MailText {
  const until = tokyoTime(facts.expiresAt);
  return localised(
    locale,
    {
      subject: `【Kyodo】${facts.tenantName} のパスワード設定のお願い`,
      paragraphs: [
        `${facts.name} 様`,
        facts.firstAdmin
          ? `${facts.tenantName} の Kyodo 環境をご用意しました。あなたが最初の管理者です。`
          : `${facts.tenantName} の Kyodo にメンバーとして追加されました。`,
        '次のリンクを開いて、パスワードを設定してください。',
        facts.link,
        `このリンクは一度だけ使えます。有効期限は ${until} です。サインイン時のサブドメインは「${facts.subdomain}」です。`,
      ],
    },
    {
      subject: `[Kyodo] Set your password for ${facts.tenantName}`,
      paragraphs: [
        `Dear ${facts.name},`,
        facts.firstAdmin
          ? `The Kyodo workspace of ${facts.tenantName} is ready, and you are its first administrator.`
          : `You have been added to ${facts.tenantName} on Kyodo as a member.`,
        'Open this link to set your password:',
        facts.link,
        `The link works once and expires on ${until}. Sign in with the sub-domain "${facts.subdomain}".`,
      ],
    },
  );
}

/** S4: the invitation into a guest space. */
export function invitationMail(
  locale: Locale,
  facts: { inviterName: string; spaceName: string; tenantName: string; link: string; expiresAt: Date; existingGuest: boolean },
): MailText {
  const until = tokyoTime(facts.expiresAt);
  return localised(
    locale,
    {
      subject: `【Kyodo】${facts.inviterName} さんから ${facts.tenantName} のゲストスペース「${facts.spaceName}」への招待`,
      paragraphs: [
        `${facts.inviterName} さんが、${facts.tenantName} のゲストスペース「${facts.spaceName}」にあなたを招待しました。`,
        facts.existingGuest
          ? 'すでにゲストアカウントをお持ちのため、スペースに追加されました。次のリンクを開くか、いつもどおりサインインしてください。'
          : '次のリンクを開いて、ゲストアカウント（お名前とパスワード）を作成してください。',
        facts.link,
        `このリンクは一度だけ使えます。有効期限は ${until} です。`,
      ],
    },
    {
      subject: `${facts.inviterName} invited you to "${facts.spaceName}" on ${facts.tenantName}`,
      paragraphs: [
        `${facts.inviterName} has invited you to the guest space "${facts.spaceName}" of ${facts.tenantName}.`,
        facts.existingGuest
          ? 'You already have a guest account: you have been added to the space. Open this link or sign in as usual:'
          : 'Open this link to create your guest account (name and password):',
        facts.link,
        `The link can be used once and expires on ${until}.`,
      ],
    },
  );
}

/** S8: "account created", to a guest who accepted an invitation. */
export function guestAccountMail(locale: Locale, facts: { name: string; tenantName: string; email: string; signInUrl: string }): MailText {
  return localised(
    locale,
    {
      subject: `【Kyodo】${facts.tenantName} のゲストアカウントを作成しました`,
      paragraphs: [`${facts.name} 様`, `${facts.tenantName} のゲストアカウントの準備ができました。`, `${facts.email} で次の URL からサインインしてください。`, facts.signInUrl],
    },
    {
      subject: `Your guest account at ${facts.tenantName}`,
      paragraphs: [`Welcome, ${facts.name}. Your guest account at ${facts.tenantName} is ready.`, `Sign in with ${facts.email} at:`, facts.signInUrl],
    },
  );
}

/** Integer yen as a Japanese invoice writes it: "12,345円" (a credit note's amount is negative). */
const yen = (amount: number) => `${amount.toLocaleString('ja-JP')}円`;

/**
 * Q1: to each administrator of the tenant, that an invoice (or a credit note) was issued. The
 * link opens the invoice in the web app, where the signed-in administrator downloads the PDF
 * from a fresh signed link; the mail never carries the PDF link, which expires in minutes.
 */
export function invoiceIssuedMail(
  locale: Locale,
  facts: { name: string; tenantName: string; number: string; issuedOn: string; total: number; creditNote: boolean; link: string },
): MailText {
  const { name, tenantName, number, issuedOn, total, link } = facts;
  const ja = facts.creditNote ? '適格返還請求書（請求の訂正）' : '請求書';
  const en = facts.creditNote ? 'credit note' : 'invoice';
  return localised(
    locale,
    {
      subject: `【Kyodo】${ja} ${number} を発行しました（${tenantName}）`,
      paragraphs: [
        `${name} 様`,
        `${tenantName} 様宛ての${ja}を発行しました。`,
        `番号: ${number}\n発行日: ${issuedOn}\n${facts.creditNote ? '訂正額' : 'ご請求金額'}（税込）: ${yen(total)}`,
        `内容の確認と PDF のダウンロードは、管理者としてサインインのうえ次のページから行ってください。PDF のリンクはページを開くたびに新しく発行されます（このメールには PDF へのリンクは含まれません）。`,
        link,
      ],
    },
    {
      subject: `[Kyodo] ${en === 'invoice' ? 'Invoice' : 'Credit note'} ${number} issued to ${tenantName}`,
      paragraphs: [
        `Dear ${name},`,
        `${facts.creditNote ? 'A credit note' : 'An invoice'} has been issued to ${tenantName}.`,
        `Number: ${number}\nIssued on: ${issuedOn}\n${facts.creditNote ? 'Amount corrected' : 'Amount due'} (tax included): JPY ${total.toLocaleString('en-US')}`,
        `Sign in as an administrator and open this page to see it and download the PDF; the PDF link is made afresh each time the page opens (this mail carries no PDF link).`,
        link,
      ],
    },
  );
}
