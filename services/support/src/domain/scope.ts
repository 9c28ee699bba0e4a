import type { RefusalOf } from '@kyodo/subgraph-kit';

/**
 * P4: what the support desk answers. Categories are data: a client lists them from the
 * `supportCategories` query, and a new one is a line here, not a schema change.
 */
export interface SupportCategory {
  code: string;
  inScope: boolean;
  label: string;
  labelJa: string;
}

export const SUPPORT_CATEGORIES: readonly SupportCategory[] = [
  { code: 'INSTALLATION', inScope: true, label: 'Installation', labelJa: 'インストール方法' },
  { code: 'OPERATION', inScope: true, label: 'How to use the product', labelJa: '操作方法' },
  { code: 'FEATURES', inScope: true, label: 'Features', labelJa: '機能' },
  { code: 'SERVER_SETTINGS', inScope: true, label: 'Web server and browser settings within the verified range', labelJa: 'Webサーバー・ブラウザの設定方法' },
  { code: 'SUPPORTED_ENVIRONMENT_PROBLEM', inScope: true, label: 'A problem in a supported environment', labelJa: '動作保証環境で発生した問題' },
  { code: 'VERSION_UPGRADE', inScope: true, label: 'What a version upgrade brings', labelJa: 'バージョンアップの新機能・変更内容' },
  { code: 'KNOWN_BUGS', inScope: true, label: 'Known bugs and workarounds', labelJa: 'バグの情報と対処方法' },
  { code: 'CUSTOMISATION', inScope: false, label: 'Customisation (HTML included)', labelJa: 'カスタマイズ方法（HTMLタグの記述方法を含む）' },
  { code: 'HARDWARE', inScope: false, label: 'Hardware', labelJa: 'ハードウェアに関するご質問' },
  { code: 'OS', inScope: false, label: 'The operating system', labelJa: 'OSなどシステムに関するご質問' },
  { code: 'NETWORK', inScope: false, label: 'Building a network', labelJa: 'ネットワーク構築に関するご質問' },
  { code: 'OTHER_VENDOR', inScope: false, label: "Other vendors' products", labelJa: '他社様の製品に関するご質問' },
  { code: 'UNSUPPORTED_ENVIRONMENT', inScope: false, label: 'A problem in an unsupported environment', labelJa: '動作を保証していない環境で起こった問題' },
  { code: 'HANDS_ON_WORK', inScope: false, label: 'Hands-on work (designing, data entry)', labelJa: '設計・作成・データ登録などの実作業' },
  { code: 'SYSTEM_DESIGN', inScope: false, label: 'System design and building', labelJa: 'システム設計及び構築' },
];

export function findCategory(code: string): SupportCategory | undefined {
  return SUPPORT_CATEGORIES.find((c) => c.code === code);
}

/** P4: the refusal of a category that is not one, listing those in and out of scope. */
export function unknownCategoryRefusal(code: string): RefusalOf<'unknownCategory'> {
  const inScope = SUPPORT_CATEGORIES.filter((c) => c.inScope).map((c) => c.code);
  const outOfScope = SUPPORT_CATEGORIES.filter((c) => !c.inScope).map((c) => c.code);
  return { key: 'unknownCategory', params: { category: code, inScope: inScope.join(', '), outOfScope: outOfScope.join(', ') } };
}

/** The standard public answer to an out-of-scope ticket, in Japanese like every answer (P2). */
export function outOfScopeAnswer(category: SupportCategory): string {
  return [
    'お問い合わせいただきありがとうございます。',
    `お問い合わせの内容（${category.labelJa}）は、サポートサービスご利用規定により、サポートサービスの対象範囲外となります。`,
    '誠に恐れ入りますが、ご回答はご容赦ください。対象範囲につきましては、サポートサービスご利用規定をご確認ください。',
    'このお問い合わせは「解決済み」としてお取り扱いいたします。',
  ].join('\n');
}
