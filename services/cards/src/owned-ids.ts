import { ownedBySpaces, ownedRowsOf, type OwnedIdsSpec } from '@kyodo/subgraph-kit';

/** T1: what each id cards' mutations take names, and how it is proven the caller's (see subgraph-kit owned-ids.ts). */
export const cardsOwnedIds: OwnedIdsSpec = {
  ids: {
    'CardExportPermissionInput.userId': { kind: 'User' },
    'SetCardImageInput.cardId': { kind: 'Card' },
    'Mutation.readCard.id': { kind: 'Card' },
    'VerifyCardInput.id': { kind: 'Card' },
    'MergeCardsInput.cardIds': { kind: 'Card' },
    'Mutation.splitCard.id': { kind: 'Card' },
    'UpdateCardInput.id': { kind: 'Card' },
    'Mutation.deleteCard.id': { kind: 'Card' },
    'RecordScanInput.cardId': { kind: 'Card' },
    'StartCardImportInput.visibleToGroupIds': { kind: 'Group' },
    'CreateCardInput.visibleToGroupIds': { kind: 'Group' },
    'UpdateCardInput.visibleToGroupIds': { kind: 'Group' },
    'AddCardImportPartInput.jobId': { kind: 'CardImportJob' },
    'RunCardImportInput.jobId': { kind: 'CardImportJob' },
  },
  owners: {
    Card: ownedRowsOf('cards'),
    CardImportJob: ownedRowsOf('card_import_jobs'),
    // users and groups are spaces': only spaces can say whose they are (C3, C5)
    User: ownedBySpaces('User'),
    Group: ownedBySpaces('Group'),
  },
  names: {
    Card: { ja: '名刺', en: 'card' },
    CardImportJob: { ja: '名刺の取り込み', en: 'card import' },
    User: { ja: 'ユーザー', en: 'user' },
    Group: { ja: 'グループ', en: 'group' },
  },
};
