import { errorCodes, startStack, testDialects, type Stack } from '@kyodo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spacesSubgraph } from '../src/index.js';

const CREATE_SPACE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id name } }`;
const RENAME_SPACE = `mutation($input: UpdateSpaceSettingsInput!) { updateSpaceSettings(input: $input) { id name } }`;
const CREATE_GROUP = `mutation($input: CreateGroupInput!) { createGroup(input: $input) { id name } }`;
const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id name } }`;
const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { id title body } }`;
const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id text } }`;

/** NUL, a line break, ESC, DEL, a C1 control (U+0085 NEXT LINE) and the Unicode line separator. */
const CONTROLS = ['\u0000', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u2028'];

describe.each(testDialects())('text inputs refuse control characters (one check for every input) on %s', (dialect) => {
  let stack: Stack;
  let member: string;
  let admin: string;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: [spacesSubgraph], dialect });
    ({ member, admin } = await stack.auth.demoTokens());
  });
  afterAll(() => stack?.close());

  it.each(CONTROLS.map((c) => [`U+${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`, c]))('S1: a space name with %s is BAD_USER_INPUT naming the field, and nothing is created', async (_shown, control) => {
    const before = (await stack.client.data<{ spaces: unknown[] }>(`{ spaces { id } }`, {}, { token: member })).spaces.length;
    const response = await stack.client.request(CREATE_SPACE, { input: { name: `Design${control}Team`, isGuestSpace: false } }, { token: member });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ field: 'name' });
    expect(response.errors![0]!.message).toMatch(/name/);
    expect((await stack.client.data<{ spaces: unknown[] }>(`{ spaces { id } }`, {}, { token: member })).spaces).toHaveLength(before);
  });

  it('S1: renaming a space, a group name and a profile name are checked the same way', async () => {
    const space = (await stack.client.data<{ createSpace: { id: string } }>(CREATE_SPACE, { input: { name: 'Plain', isGuestSpace: false } }, { token: member })).createSpace.id;
    expect(errorCodes(await stack.client.request(RENAME_SPACE, { input: { spaceId: space, name: 'a\u0000b' } }, { token: member }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await stack.client.request(CREATE_GROUP, { input: { name: 'Sales\u0007' } }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await stack.client.request(UPDATE_PROFILE, { input: { name: 'Taro\u0000' } }, { token: member }))).toEqual(['BAD_USER_INPUT']);
  });

  it('S1: a thread title is one line, but its body and a comment keep line breaks and tabs (CRLF becomes LF); NUL is refused there too', async () => {
    const spaceId = (await stack.client.data<{ createSpace: { id: string } }>(CREATE_SPACE, { input: { name: 'Threads', isGuestSpace: false } }, { token: member })).createSpace.id;
    expect(errorCodes(await stack.client.request(CREATE_THREAD, { input: { spaceId, title: 'two\nlines', body: '' } }, { token: member }))).toEqual(['BAD_USER_INPUT']);
    const thread = (await stack.client.data<{ createThread: { id: string; body: string } }>(CREATE_THREAD, { input: { spaceId, title: 'Agenda', body: 'line 1\r\n\tline 2\n' } }, { token: member })).createThread;
    expect(thread.body).toBe('line 1\n\tline 2\n');
    expect(errorCodes(await stack.client.request(CREATE_THREAD, { input: { spaceId, title: 'Agenda', body: 'a\u0000b' } }, { token: member }))).toEqual(['BAD_USER_INPUT']);
    expect((await stack.client.data<{ addComment: { text: string } }>(ADD_COMMENT, { input: { threadId: thread.id, text: 'ok\nthanks' } }, { token: member })).addComment.text).toBe('ok\nthanks');
    const bad = await stack.client.request(ADD_COMMENT, { input: { threadId: thread.id, text: 'bell\u0007' } }, { token: member });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions).toMatchObject({ field: 'text' });
  });

  it('S1: names are stored in Unicode NFC, so the same name typed two ways is one name', async () => {
    const decomposed = 'か\u3099いき\u3099'; // が + い + ぎ with combining voiced marks
    const created = (await stack.client.data<{ createSpace: { name: string } }>(CREATE_SPACE, { input: { name: decomposed, isGuestSpace: false } }, { token: member })).createSpace;
    expect(created.name).toBe('がいぎ');
    expect(created.name).toBe(decomposed.normalize('NFC'));
  });
});
