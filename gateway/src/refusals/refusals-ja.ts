import type { RefusalCatalogue } from '@kyodo/subgraph-kit/refusals';
import type { GatewayRefusalKey } from './refusals.js';

/** The gateway's refusals in Japanese (I1). */
export const GATEWAY_REFUSALS_JA: RefusalCatalogue<GatewayRefusalKey> = {
  authorizationMalformed: 'Authorization ヘッダーは "Bearer <token>" の形で送ってください。もう一度サインインするか、Authorization ヘッダーを付けずに送ると匿名で続けられます。',
  tokenInvalid: 'このアクセストークンは無効です。もう一度サインインするか、Authorization ヘッダーを付けずに送ると匿名で続けられます。',
  tokenExpired: 'サインインの有効期限が切れました。もう一度サインインしてください。',
  accessChanged: 'このサインインは、アクセス権が変わったため無効になりました（削除、役割やパスワードの変更）。もう一度サインインしてください。',
  accessUnconfirmed: 'アクセス権を今は確認できません。しばらくしてからもう一度お試しください。',
  introspectionGuest: 'ゲストは API のスキーマを参照できません（イントロスペクションは組織のメンバー向けです）。',
  introspectionAnonymous: 'API のスキーマを参照するには、メンバーとしてサインインしてください（ここでは匿名のイントロスペクションは無効です）。',
  operationTypeUnsupported: 'この API には {operation} の操作はありません。query か mutation を送ってください。',
  introspectionAlone: '{introspection} は単独の操作で問い合わせてください。このゲートウェイは、スキーマのイントロスペクションとデータのフィールド（{fields}）を 1 つの操作にまとめられません。',
  queryTooDeep: 'クエリのフィールドの入れ子が深すぎます（上限 {max} 段に対して {found} 段）。小さな操作に分けてください。',
  tooManyAliases: 'クエリのエイリアスが多すぎます（上限 {max} 個に対して {found} 個）。小さな操作に分けてください。',
  documentTooLong: 'クエリの文書が長すぎます（トークン数の上限は {max}）。小さな操作に分けてください。',
  tooManyDirectives: 'クエリのディレクティブが多すぎます（上限 {max} 個に対して {found} 個）。小さな操作に分けてください。',
  queryTooCostly:
    'クエリが一度に求める量が多すぎます（コストは {cost} 以上、上限は {max}。各フィールドは、その上にある一覧の件数の分だけ数えます。件数は first/last の値、指定のない一覧は {listSize} 件です）。件数やフィールドを減らすか、小さな操作に分けてください。',
  documentNotRegistered:
    'この文書は登録済みのクライアント操作（trusted documents）ではありません。`npm run codegen -w @kyodo/client` でクライアントアプリを作り直し、新しいマニフェストをゲートウェイと一緒にデプロイしてください。',
  documentHashRequired: '登録済みの文書のハッシュを extensions.persistedQuery.sha256Hash で送ってください（trusted documents）。',
  registeredDocumentsOnly: 'このゲートウェイは登録済みのクライアント操作だけを実行します。文書のハッシュ（extensions.persistedQuery.sha256Hash）を送ってください。',
  registeredDocumentsOrMember: 'このゲートウェイは登録済みのクライアント操作だけを実行します。文書のハッシュを送るか、サンドボックスから独自の文書を送るにはメンバーとしてサインインしてください。',
  liveSignInRequired: 'ライブ更新を受け取るにはサインインしてください。',
  liveStreamsPerUser: '同時に開けるライブ更新は 1 人 {max} 本までです。使っていない画面やタブを閉じてから、もう一度お試しください。',
  subscriptionsOverSse: 'サブスクリプションは Server-Sent Events で配信します。Accept: text/event-stream を付けた POST で送ってください。',
  internal: 'サーバー側で問題が発生しました。記録済みです。しばらくしてからもう一度お試しください。',
  serviceUnavailable: '{service} サービスに今は接続できません。しばらくしてからもう一度お試しください。',
  someServiceUnavailable: 'この要求に必要なサービスに今は接続できません。しばらくしてからもう一度お試しください。',
  notAProxy: 'リクエストの対象はパス（/graphql）にしてください。このゲートウェイはプロキシではありません。',
  jsonPostRequired: 'GraphQL の要求は Content-Type: application/json の POST で送ってください（GraphQL over HTTP）。',
  bodyTooLarge: 'リクエストの本文が {bytes} バイトあります。上限は {max} バイトです。',
  bodyTooLargeUndeclared: 'リクエストの本文が上限の {max} バイトを超えています。',
  bodyIncomplete: 'リクエストの本文が、宣言された長さに届く前に終わりました。',
  downloadPathInvalid: 'このダウンロードのパスは無効です。{prefix} の下に収まるパスにしてください（".."、バックスラッシュ、エンコードされたスラッシュは使えません）。',
  downloadNotFound: '見つかりません。',
};
