import { ownedRowsOf, type OwnedIdsSpec } from '@kyodo/subgraph-kit';

const SPACE = ['spaceId', 'spaces'] as const;

/** T1: what each id spaces' mutations take names, and how it is proven the caller's (see subgraph-kit owned-ids.ts). */
export const spacesOwnedIds: OwnedIdsSpec = {
  ids: {
    'UpdateSpaceSettingsInput.spaceId': { kind: 'Space' },
    'UpdateSpaceBodyInput.spaceId': { kind: 'Space' },
    'Mutation.deleteSpace.id': { kind: 'Space' },
    'SpaceMemberInput.spaceId': { kind: 'Space' },
    'SpaceMemberInput.userId': { kind: 'User' },
    'Mutation.leaveSpace.id': { kind: 'Space' },
    'InviteGuestInput.spaceId': { kind: 'Space' },
    'RemoveGuestInput.spaceId': { kind: 'Space' },
    'RemoveGuestInput.userId': { kind: 'User' },
    'Mutation.markSpaceRead.spaceId': { kind: 'Space' },
    'GroupMemberInput.groupId': { kind: 'Group' },
    'GroupMemberInput.userId': { kind: 'User' },
    'IssueIntegrationTokenInput.actAsUserId': { kind: 'User' },
    'Mutation.revokeIntegrationToken.id': { kind: 'IntegrationToken' },
    'AddSpaceAppInput.spaceId': { kind: 'Space' },
    'Mutation.removeSpaceApp.id': { kind: 'SpaceApp' },
    'CreateThreadInput.spaceId': { kind: 'Space' },
    'UpdateThreadInput.id': { kind: 'Thread' },
    'Mutation.deleteThread.id': { kind: 'Thread' },
    'AddCommentInput.threadId': { kind: 'Thread' },
    'Mutation.deleteComment.id': { kind: 'Comment' },
    'Mutation.removeMember.userId': { kind: 'User' },
    'Mutation.setMemberAdmin.userId': { kind: 'User' },
  },
  owners: {
    // a guest is a user of the tenant that invited them, so the tenant column covers guests too
    User: ownedRowsOf('users'),
    Space: ownedRowsOf('spaces'),
    Group: ownedRowsOf('groups'),
    IntegrationToken: ownedRowsOf('integration_tokens'),
    SpaceApp: ownedRowsOf('space_apps', { through: [SPACE] }),
    Thread: ownedRowsOf('threads', { through: [SPACE] }),
    Comment: ownedRowsOf('comments', { through: [['threadId', 'threads'], SPACE] }),
  },
  names: {
    User: { ja: 'ユーザー', en: 'user' },
    Space: { ja: 'スペース', en: 'space' },
    Group: { ja: 'グループ', en: 'group' },
    IntegrationToken: { ja: '連携トークン', en: 'integration token' },
    SpaceApp: { ja: 'スペースのアプリ', en: 'space app' },
    Thread: { ja: 'スレッド', en: 'thread' },
    Comment: { ja: 'コメント', en: 'comment' },
  },
};
