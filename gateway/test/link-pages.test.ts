import { describe, expect, it } from 'vitest';
import { isLinkPage, LINK_PAGES, renderLinkPage } from '../src/link-pages.js';

describe('the pages mail links open (S4 invitations, T4 set-password)', () => {
  it('serves exactly the two link targets, nothing beneath or beside them', () => {
    expect(Object.keys(LINK_PAGES).sort()).toEqual(['/invitations/accept', '/set-password']);
    for (const path of ['/set-password/', '/set-password/x', '/invitations', '/invitations/accept/..', '/SET-PASSWORD', '/constructor', '/toString']) expect(isLinkPage(path)).toBe(false);
  });

  it.each([
    ['/set-password', 'SetPassword', 'setPassword', 'パスワードの設定', 'Set your password'],
    ['/invitations/accept', 'AcceptInvitation', 'acceptInvitation', 'ゲストスペースへの招待', 'Guest space invitation'],
  ])('%s: a Japanese-first form whose only script carries the nonce and posts %s as JSON', (path, operation, field, japanese, english) => {
    const html = renderLinkPage(path, 'n0nce');
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<form id="form"');
    expect(html).toContain(`mutation ${operation}(`);
    expect(html).toContain(`${field}(input: $input)`);
    expect(html).toContain("'content-type': 'application/json'");
    expect(html.indexOf(japanese)).toBeGreaterThan(-1);
    expect(html.indexOf(japanese)).toBeLessThan(html.indexOf(english));
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="n0nce">');
  });
});
