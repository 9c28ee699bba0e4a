import { createContext, useContext } from 'react';

/** Japanese first (the app's customers), English on request; the choice is kept in localStorage. */
export type Lang = 'ja' | 'en';
export const LANG_STORAGE_KEY = 'kyodo.lang';

const messages = {
  appName: { ja: 'Kyodo', en: 'Kyodo' },
  switchLang: { ja: 'English', en: '日本語' },
  switchLangLabel: { ja: 'Switch to English', en: '日本語に切り替え' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  signIn: { ja: 'サインイン', en: 'Sign in' },
  signOut: { ja: 'サインアウト', en: 'Sign out' },
  tenant: { ja: 'テナント（サブドメイン）', en: 'Tenant (subdomain)' },
  email: { ja: 'メールアドレス', en: 'Email' },
  password: { ja: 'パスワード', en: 'Password' },
  newPassword: { ja: '新しいパスワード（10文字以上）', en: 'New password (10 characters or more)' },
  name: { ja: 'お名前', en: 'Your name' },
  otp: { ja: 'ワンタイムパスワード（6桁）', en: 'One-time password (6 digits)' },
  otpAsked: { ja: '認証アプリに表示されている6桁のコードを入力してください。', en: 'Enter the 6-digit code from your authenticator app.' },
  totpEnrolTitle: { ja: '2段階認証の設定', en: 'Set up two-step sign-in' },
  totpEnrolIntro: {
    ja: 'このテナントでは2段階認証が必須です。認証アプリに次のキーを登録し、表示されたコードを入力してください。',
    en: 'This tenant requires two-step sign-in. Add this key to your authenticator app and enter the code it shows.',
  },
  totpSecret: { ja: 'セットアップキー', en: 'Setup key' },
  confirm: { ja: '確認', en: 'Confirm' },
  acceptTitle: { ja: '招待を受ける', en: 'Accept the invitation' },
  acceptIntro: { ja: 'お名前とパスワードを決めると、招待されたスペースに参加できます。', en: 'Choose your name and a password to join the space you were invited to.' },
  accept: { ja: '参加する', en: 'Join' },
  missingToken: { ja: 'リンクが不完全です。メールのリンクをもう一度開いてください。', en: 'The link is incomplete; open the link in the mail again.' },
  setPasswordTitle: { ja: 'パスワードの設定', en: 'Set your password' },
  setPassword: { ja: 'パスワードを設定', en: 'Set password' },
  navSpaces: { ja: 'スペース', en: 'Spaces' },
  navCards: { ja: '名刺', en: 'Cards' },
  navTickets: { ja: 'お問い合わせ', en: 'Support tickets' },
  navQueue: { ja: '対応キュー', en: 'Support queue' },
  navLicences: { ja: 'ライセンス', en: 'Licences' },
  mainNav: { ja: 'メインメニュー', en: 'Main menu' },
  spacesTitle: { ja: 'スペース', en: 'Spaces' },
  noSpaces: { ja: '参加しているスペースはありません。', en: 'You are in no space.' },
  guestSpace: { ja: 'ゲストスペース', en: 'Guest space' },
  threads: { ja: 'スレッド', en: 'Threads' },
  noThreads: { ja: 'スレッドはまだありません。', en: 'No threads yet.' },
  comments: { ja: 'コメント', en: 'Comments' },
  noComments: { ja: 'コメントはまだありません。', en: 'No comments yet.' },
  newComment: { ja: 'コメントを書く', en: 'Write a comment' },
  post: { ja: '投稿', en: 'Post' },
  back: { ja: '戻る', en: 'Back' },
  unknownAuthor: { ja: '（退会したユーザー）', en: '(former user)' },
  cardsTitle: { ja: '名刺', en: 'Business cards' },
  search: { ja: '検索（名前・読み・会社・メール）', en: 'Search (name, reading, company, email)' },
  searchButton: { ja: '検索', en: 'Search' },
  noCards: { ja: '該当する名刺はありません。', en: 'No cards match.' },
  quota: { ja: 'スキャン枠', en: 'Scan quota' },
  labelled: { ja: '{label}：', en: '{label}: ' },
  quotaLine: { ja: '使用 {used} / {total} 面（残り {remaining} 面）', en: '{used} of {total} sides used ({remaining} left)' },
  cardName: { ja: '氏名', en: 'Name' },
  company: { ja: '会社', en: 'Company' },
  reading: { ja: '読み', en: 'Reading' },
  ticketsTitle: { ja: 'お問い合わせ', en: 'Support tickets' },
  noTickets: { ja: 'お問い合わせはまだありません。', en: 'No tickets yet.' },
  newTicket: { ja: '新しいお問い合わせ', en: 'New ticket' },
  subject: { ja: '件名', en: 'Subject' },
  body: { ja: '内容', en: 'Details' },
  product: { ja: '製品', en: 'Product' },
  version: { ja: 'バージョン', en: 'Version' },
  category: { ja: '種別', en: 'Category' },
  send: { ja: '送信', en: 'Send' },
  promised: { ja: '今送信すると、{due} までに回答します（翌営業日 17:30）。', en: 'Sent now, it will be answered by {due} (17:30 on the next business day).' },
  sent: { ja: 'お問い合わせを受け付けました。回答期限: {due}', en: 'Ticket received. Answer due: {due}' },
  status: { ja: '状態', en: 'Status' },
  due: { ja: '回答期限', en: 'Due' },
  late: { ja: '期限超過', en: 'Late' },
  received: { ja: '受付', en: 'Received' },
  requester: { ja: '依頼者', en: 'Requester' },
  priority: { ja: '優先度', en: 'Priority' },
  queueTitle: { ja: '対応キュー（期限超過を先頭に）', en: 'Support queue (late first)' },
  noQueue: { ja: '対応待ちのお問い合わせはありません。', en: 'Nothing is waiting.' },
  licencesTitle: { ja: 'ライセンス', en: 'Licences' },
  contract: { ja: '契約', en: 'Contract' },
  licencesInForce: { ja: '有効なゲストライセンス: {count}（割り当て済み {assigned}）', en: 'Guest licences in force: {count} ({assigned} assigned)' },
  guests: { ja: 'ゲスト', en: 'Guests' },
  noGuests: { ja: 'ゲストはいません。', en: 'No guests.' },
  licenceStatus: { ja: 'ライセンス状態', en: 'Licence status' },
  trialDaysLeft: { ja: '試用期間の残り', en: 'Trial days left' },
  days: { ja: '{n} 日', en: '{n} days' },
  invoices: { ja: '請求書', en: 'Invoices' },
  noInvoices: { ja: '請求書はありません。', en: 'No invoices.' },
  issuedOn: { ja: '発行日', en: 'Issued' },
  total: { ja: '合計（税込）', en: 'Total (tax incl.)' },
  statusTRIAL: { ja: '試用中', en: 'Trial' },
  statusTRIAL_EXPIRED: { ja: '試用期間終了', en: 'Trial ended' },
  statusLICENSED: { ja: 'ライセンスあり', en: 'Licensed' },
  statusFREE: { ja: '無料（連携ゲスト）', en: 'Free (linked guest)' },
  trialNotStarted: { ja: '未開始（初回サインイン前）', en: 'Not started (no sign-in yet)' },
  ticketNEW: { ja: '新規', en: 'New' },
  ticketOPEN: { ja: '対応中', en: 'Open' },
  ticketPENDING: { ja: 'お客様の返答待ち', en: 'Waiting on the customer' },
  ticketSOLVED: { ja: '解決済み', en: 'Solved' },
  ticketCLOSED: { ja: '終了', en: 'Closed' },
  priorityLOW: { ja: '低', en: 'Low' },
  priorityNORMAL: { ja: '通常', en: 'Normal' },
  priorityHIGH: { ja: '高', en: 'High' },
  priorityURGENT: { ja: '緊急', en: 'Urgent' },
  notAllowed: { ja: 'この画面を表示する権限がありません。', en: 'You may not see this screen.' },
  error: { ja: 'エラーが発生しました', en: 'Something went wrong' },
  notFound: { ja: 'ページが見つかりません。', en: 'Page not found.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

/** A label for an enum value the schema sends in capitals (TicketStatus, TicketPriority...), or the value itself. */
export function enumLabel(lang: Lang, prefix: 'ticket' | 'priority' | 'status', value: string): string {
  const key = `${prefix}${value}`;
  return key in messages ? translate(lang, key as MessageKey) : value;
}

/** The message in `lang`, `{name}` placeholders filled from `values`. */
export function translate(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function initialLang(storage: Pick<Storage, 'getItem'> | undefined): Lang {
  return storage?.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'ja';
}

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({ lang: 'ja', t: (key, values) => translate('ja', key, values), setLang: () => undefined });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
