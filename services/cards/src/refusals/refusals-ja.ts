import type { RefusalCatalogue } from '@kyodo/subgraph-kit';
import type { CardsRefusalKey } from './refusals.js';

/** The cards subgraph's refusals in Japanese (I1). */
export const CARDS_REFUSALS_JA: RefusalCatalogue<CardsRefusalKey> = {
  guestsMayNotUseCards: 'ゲストは名刺を扱えません（C3）。',
  exportPermissionAdminOnly: 'エクスポート権限を付与できるのはテナントの管理者だけです（C3）。',
  exportNeedsPermission: '名刺のエクスポートにはエクスポート権限が必要です。テナントの管理者に付与を依頼してください（C3）。',

  nameRequired: '氏名（name）を入力してください。',
  fieldTooLong: '{field} は {max} 文字以内で入力してください。',
  emailInvalid: '「{email}」はメールアドレスではありません（email）。',
  urlInvalid: 'URL（url）は http(s) で始まる {max} 文字以内の URL にしてください。',
  languageInvalid: '言語（language）は {languages} のいずれかにしてください。',
  exchangedOnInvalid: '交換日（exchangedOn）の「{value}」は日付（YYYY-MM-DD）ではありません。',
  addressesInvalid: '住所（addresses）は {max} 件まで、各 {maxLength} 文字以内にしてください。',
  phonesInvalid: '電話番号（phones）は {max} 件まで、数字・空白・+ ( ) - . だけで入力してください。',
  cardFieldsInvalid: '名刺の入力内容に問題があります。{problems}',

  tooManyGroups: '名刺の公開先に指定できるグループは {max} 個までです。',
  groupsExcludeAuthor: '指定したグループのどれにもあなたは所属していないため、この名刺を自分で見られなくなります。所属しているグループを 1 つ以上指定してください（C3）。',
  importGroupsExcludeAuthor:
    '指定したグループのどれにもあなたは所属していないため、インポートした名刺を自分で見られなくなります。所属しているグループを 1 つ以上指定してください（C3）。',
  mergeCardCount: '統合できるのは異なる名刺 2 枚から {max} 枚までです。',
  searchTooLong: '検索語は {max} 文字以内にしてください。',

  imageNotBase64: '画像が base64 形式ではありません。',
  imageEmpty: '画像が空です。',
  imageTooLarge: '画像は {maxKiB} KiB までです（この画像は {bytes} バイト）。300 dpi でスキャンするか、JPEG で保存してください。',
  imageNotJpegOrPng: '画像は JPEG か PNG のファイルにしてください。送られたデータはどちらでもありません。',

  readNeedsScanned: 'OCR で読み取れるのは SCANNED の名刺だけです（この名刺は {state}）。',
  verifyNeedsRead: '確認できるのは READ の名刺だけです（この名刺は {state}）。',
  cardChangedMeanwhile: 'この名刺は処理中にほかの操作で変更されました。もう一度お試しください。',
  cardHasNoFrontImage: 'この名刺にはまだ表面の画像がありません。先に setCardImage で保存してください。',

  scanSides: 'スキャンする面数は 1（表面）か 2（表面と裏面）です（指定値: {sides}）（L15）。',
  scanQuotaExceeded:
    'このスキャンには名刺 {sides} 面分が必要ですが、テナントの {limit} 面（契約分 {included} 面 + 購入分 {purchased} 面）のうち残りは {remaining} 面です（使用済み {used} 面）。先にデジタル化パックを購入してください（L15）。',
  cardServiceEnded: '名刺サービスの契約は {endsOn} に終了したため、これ以上名刺をデジタル化できません（L14、L15）。',
  cardQuotaUnavailable: 'ライセンスサービスから名刺の契約情報を受け取れなかったため、名刺の利用枠を表示できません（L15）。しばらくしてからもう一度お試しください。',

  importAlreadyRun: 'このインポートは実行済みのため、ファイルを追加できません。別のファイルは新しいインポートで送ってください。',
  importPartOutOfOrder: 'パートは順番に送ってください。次に送るのはパート {next} です（送られたのはパート {given}）。',
  importPartNotBase64: 'パートが base64 形式ではありません。',
  importPartEmpty: 'パートが空です。',
  importPartTooLarge: '1 つのパートは {maxKiB} KiB までです（このパートは {bytes} バイト）。',
  importFileTooLarge: 'インポートできるファイルは {maxMiB} MiB までです。ファイルを分割してください。',
  importPartRace: '別のパートが同時に届きました。次のパートをもう一度送ってください。',
  importNoFile: '先にファイルを送ってください（addCardImportPart）。',
  importAlreadySucceeded: 'このインポートはすでに完了しています。',
  importAlreadyRunning: 'このインポートはすでに実行中です。進み具合を確認してください。',

  importOnLine: '{line} 行目: {problems}',
  importFileEmpty: 'ファイルが空です。見出し行と 1 件以上の名刺が必要です。',
  importNoNameColumn: '見出し行に氏名の列（name または 氏名）がありません（見つかった列: {columns}）。',
  importNoCards: 'ファイルには見出し行しかなく、名刺がありません。',
  importTooManyRows: 'ファイルの名刺は {rows} 件です。一度にインポートできるのは {max} 件までです。ファイルを分割してください。',
  importRowColumns: '列が {count} 個ありますが、見出し行は {header} 個です。',
  importQuoteNotClosed: '引用符で囲まれた項目が閉じられていません。',
  importStoppedOnError: 'サーバー側のエラーでインポートが止まりました。何もインポートされていません。記録済みです。もう一度お試しください。',

  fileMethodNotAllowed: 'ファイルは GET で取得してください。',
  fileLinkInvalid: 'このリンクは無効です。',
  fileLinkExpired: 'このリンクは有効期限が切れています。名刺またはエクスポートをもう一度取得して、新しいリンクを使ってください。',
  fileGone: 'このファイルはもうありません。',
};
