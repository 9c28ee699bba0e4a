import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * The pages the links in Kyodo's mail open (S4 invitations, T4 set-password): a minimal form,
 * Japanese first, that posts the mutation to /graphql as JSON from the page itself (same origin,
 * so no CORS and no form-encoded POST reaches the engine). The token is read from the address
 * by the script and never written into the HTML, so nothing from the request is reflected.
 * A fuller web app is planned under /app/; these stay as the links' stable targets.
 */
interface LinkPage {
  title: string;
  intro: string;
  fields: string;
  query: string;
  /** The script's expression building the mutation's input from `token` and the form `f`. */
  input: string;
  done: string;
}

const PASSWORD_RULE = '10 文字以上 / at least 10 characters';

export const LINK_PAGES: Readonly<Record<string, LinkPage>> = {
  '/set-password': {
    title: 'パスワードの設定 / Set your password',
    intro: 'Kyodo で使うパスワードを決めてください。このリンクは一度だけ使えます。<br>Choose the password you will sign in to Kyodo with. This link works once.',
    fields: `<label>パスワード / Password (${PASSWORD_RULE})<input name="password" type="password" autocomplete="new-password" minlength="10" required></label>`,
    query: 'mutation SetPassword($input: SetPasswordInput!) { setPassword(input: $input) { token } }',
    input: '{ token: token, password: f.password.value }',
    done: 'パスワードを設定しました。メールアドレスとパスワードでサインインできます。<br>Your password is set: sign in with your email and password.',
  },
  '/invitations/accept': {
    title: 'ゲストスペースへの招待 / Guest space invitation',
    intro: 'お名前とパスワードを入力して、招待を受けてください。すでにゲストアカウントをお持ちの場合は、そのパスワードを入力してください。<br>Enter your name and a password to accept. If you already have a guest account, enter its password.',
    fields: `<label>お名前 / Name<input name="name" autocomplete="name" maxlength="200" required></label>
<label>パスワード / Password (${PASSWORD_RULE})<input name="password" type="password" autocomplete="new-password" required></label>`,
    query: 'mutation AcceptInvitation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token } }',
    input: '{ token: token, name: f.name.value, password: f.password.value }',
    done: '招待を受けました。ゲストスペースにサインインできます。<br>The invitation is accepted: you can now sign in to the guest space.',
  },
};

export function isLinkPage(pathname: string): boolean {
  return Object.hasOwn(LINK_PAGES, pathname);
}

export function renderLinkPage(pathname: string, nonce: string): string {
  const page = LINK_PAGES[pathname]!;
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} - Kyodo</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.6}label{display:block;margin:1rem 0}input{display:block;width:100%;padding:.5rem;margin-top:.25rem;box-sizing:border-box}button{padding:.5rem 1.5rem}#message{margin-top:1rem}</style>
</head>
<body>
<h1>${page.title}</h1>
<p>${page.intro}</p>
<form id="form" method="post" action="#">
${page.fields}
<button type="submit">送信 / Submit</button>
</form>
<p id="message" role="status"></p>
<script nonce="${nonce}">
(function () {
  var token = new URLSearchParams(location.search).get('token') || '';
  var f = document.getElementById('form');
  var message = document.getElementById('message');
  if (!token) message.textContent = 'リンクが正しくありません。メールのリンクをすべて開いてください。 / The link is incomplete: open the whole link from the mail.';
  f.addEventListener('submit', function (event) {
    event.preventDefault();
    message.textContent = '送信中… / Sending…';
    fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ${JSON.stringify(page.query)}, variables: { input: ${page.input} } }) })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        if (body.errors && body.errors.length) { message.textContent = body.errors[0].message; return; }
        f.hidden = true;
        message.innerHTML = ${JSON.stringify(page.done)};
      })
      .catch(function () { message.textContent = '送信できませんでした。しばらくしてからもう一度お試しください。 / It could not be sent; please try again shortly.'; });
  });
})();
</script>
</body>
</html>
`;
}

/** Serves a link page with a per-response nonce: only its own script and style run, nothing frames it, the token is not sent on. */
export function serveLinkPage(pathname: string, method: string, res: ServerResponse): void {
  const nonce = randomBytes(16).toString('base64');
  const html = renderLinkPage(pathname, nonce);
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'`,
    // the token is in the address: never in a Referer, never in a shared cache
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(method === 'HEAD' ? undefined : html);
}
