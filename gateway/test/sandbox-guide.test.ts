import { readFileSync } from 'node:fs';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEMO_SIGN_INS, preflightScript, readSandboxCollections } from '../src/sandbox-guide.js';
import { renderSandboxPage } from '../src/sandbox.js';

const supergraph = readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8');
// printed and rebuilt: federation-internals may load another copy of graphql than this test
const apiSchema = buildSchema(printSchema(Supergraph.build(supergraph).apiSchema()));

describe('the sandbox guide (issue 13)', () => {
  const collections = readSandboxCollections();

  it('has a collection per subgraph after the start, each with named, described operations', () => {
    expect(collections.map((c) => c.name)).toEqual(['Kyodo: start', 'Kyodo: spaces', 'Kyodo: licensing', 'Kyodo: cards', 'Kyodo: support']);
    expect(collections[0]?.operations.map((o) => o.name)).toEqual(['Viewer', 'SignIn']);
    for (const operation of collections.flatMap((c) => c.operations)) expect(operation.description, operation.name).not.toBe('');
  });

  it('has only operations the schema serves (a breaking change shows up here and in schema:check)', () => {
    for (const operation of collections.flatMap((c) => c.operations)) {
      expect(validate(apiSchema, parse(operation.query)).map((e) => e.message), operation.name).toEqual([]);
    }
  });

  it('opens the page with the collections, the README query in a tab and the preflight on', () => {
    const page = renderSandboxPage({ collections, preflight: preflightScript({ demoUsers: true }) });
    expect(page).toContain('"defaultCollections":[{"id":"kyodo-start"');
    expect(page).toContain('"defaultActiveTabId":"kyodo-start-Viewer"');
    expect(page).toContain('"defaultPreflight":{"enabled":true');
    expect(page).toContain('"defaultEnv":{"variables":{"demoUser":"admin"}}');
    // JSON in a script tag: a "</script>" in a description could not close it early
    expect(renderSandboxPage({ collections: [{ ...collections[0]!, description: '</script><script>alert(1)</script>' }] })).not.toContain('</script><script>alert(1)');
  });

  it('offers the demo users only when asked (development), and sends SignIn by hash when trusted documents are on', () => {
    expect(preflightScript({ demoUsers: true })).toContain(DEMO_SIGN_INS.agent.email);
    const production = preflightScript({ demoUsers: false, signInHash: 'ab'.repeat(32) });
    expect(production).not.toContain(DEMO_SIGN_INS.admin.password);
    expect(production).toContain(`"sha256Hash":"${'ab'.repeat(32)}"`);
    expect(production).not.toContain('"query"');
  });
});
