import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Stack } from '@kyodo/testkit';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack } from './full-stack.js';

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!executablePath) {
  // said out loud, so a green local run is not mistaken for a tested sandbox
  console.warn('[sandbox e2e] SKIPPED: no Chromium found (set CHROMIUM_PATH or `apt-get install chromium`); .ci/run installs it.');
}

/** The sandbox a developer opens at GET /graphql: a real browser, no internet, a query run through the page. */
describe.skipIf(!executablePath)('the sandbox in headless Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startFullStack();
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('loads with no outside request and runs { __typename } through the page', async () => {
    const gatewayUrl = stack.gatewayUrl!;
    const origin = new URL(gatewayUrl).origin;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const outside: string[] = [];
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort();
    });

    await page.goto(gatewayUrl, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Add operation' }).first().click({ timeout: 30_000 });
    const editor = page.locator('.monaco-editor').first();
    await editor.waitFor({ timeout: 30_000 });
    await editor.click();
    // insertText, not typing: the editor would auto-close the brace and double it
    await page.keyboard.insertText('{ __typename }');
    const answered = page.waitForResponse((r) => r.url() === gatewayUrl && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('__typename') && !(r.request().postData() ?? '').includes('__schema'));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    // and the page shows it: the response editor holds the answer
    await expect
      .poll(async () => (await page.locator('.monaco-editor').allInnerTexts()).join('\n'), { timeout: 15_000 })
      .toMatch(/"__typename":\s*"Query"/);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('opens with the example collections and the README query, and the preflight signs in as the demo admin', async () => {
    const gatewayUrl = stack.gatewayUrl!;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(gatewayUrl, { waitUntil: 'load' });
    // the README's query is open, ready to run
    const editor = page.locator('.monaco-editor').first();
    await editor.waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await page.locator('.monaco-editor').allInnerTexts()).join('\n'), { timeout: 30_000 }).toMatch(/query\s+Viewer/);
    const answered = page.waitForResponse((r) => r.url() === gatewayUrl && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('query Viewer'));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const response = await answered;
    // the preflight signed in (no token pasted by hand) and set the header
    expect(await response.request().headerValue('authorization')).toMatch(/^Bearer ey/);
    expect(await response.json()).toMatchObject({ data: { viewer: { name: 'Demo Admin', kind: 'MEMBER', tenant: { subdomain: 'demo' } } } });
    // the collections are there to explore, one per subgraph
    for (const name of ['Kyodo: start', 'Kyodo: spaces', 'Kyodo: licensing', 'Kyodo: cards', 'Kyodo: support']) {
      await expect.poll(async () => (await page.getByText(name, { exact: true }).count()) > 0, { timeout: 15_000 }).toBe(true);
    }
    const shots = fileURLToPath(new URL('./screenshots/', import.meta.url));
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: `${shots}sandbox.png` });
    expect(pageErrors).toEqual([]);
  });
});
