import type { KitRefusalKey } from './kit-refusals.js';
import type { RefusalCatalogue } from './refusals.js';

/** The kit's refusals in Japanese (I1). */
export const KIT_REFUSALS_JA: RefusalCatalogue<KitRefusalKey> = {
  signInRequired: 'この操作にはサインインが必要です。',
  tokenExpired: 'サインインの有効期限が切れました。もう一度サインインしてください。',
  tokenInvalid: 'このアクセストークンは無効です。もう一度サインインしてください。',
  streamTokenExpired: 'サインインの有効期限が切れました。新しいトークンでもう一度購読してください。',
  accessChanged: 'このサインインは、アクセス権が変わったため無効になりました（削除、役割やパスワードの変更）。もう一度サインインしてください。',
  accessUnconfirmed: 'アクセス権を今は確認できません。しばらくしてからもう一度お試しください。',
  guestsMayNot: 'ゲストはこの操作を行えません。',
  adminOnly: 'この操作はテナントの管理者だけが行えます。',
  auditReadForbidden: '監査ログを読めるのは、組織の管理者（自組織の記録のみ）とベンダーのオペレーターだけです（A1）。',
  scopedTokenLimited: '連携トークンでできるのは、許可された範囲（{scopes}）の読み取りだけです。',
  scopedTokenCannotSubscribe: '連携トークンではライブ更新を購読できません。',
  notFoundById: 'この ID の{kind}は見つかりません。',
  foreignCursor: 'このカーソルはこの一覧が発行したものではありません。`after` を付けずに最初から読み直してください。',
  pageSize: '`first` は 1 から {max} の間で指定してください（指定値: {value}）。',
  textControlCharacter: '{field} は制御文字を含まない 1 行のテキストにしてください（{position} 文字目に {char}）。',
  multiLineControlCharacter: '{field} には改行とタブ以外の制御文字は使えません（{position} 文字目に {char}）。',
  liveUnavailable: 'このサーバーではライブ更新を利用できません。',
  peerUnavailable: '{peer} サービスに接続できないため、何も変更していません。しばらくしてからもう一度お試しください。',
  databaseUnavailable: 'ただいまデータベースに接続できません。しばらくしてからもう一度お試しください。',
  internal: 'サーバー側で問題が発生しました。記録済みです。しばらくしてからもう一度お試しください。',
};
