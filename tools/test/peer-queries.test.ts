import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { REPOSITORY_ROOT } from '@kyodo/subgraph-kit/registry';
import { describe, expect, it } from 'vitest';
import { collectClientOperations } from '../src/operations.js';
import { checkPeerQueries, PEER_QUERY_FILES } from '../src/peer-queries.js';

describe('subgraph-to-subgraph queries against the target subgraph\'s published schema', () => {
  it('every peer query (licensing-gate.ts, spaces-guests.ts, cards peers.ts) validates against its target\'s schema.graphql', async () => {
    const { checked, problems } = await checkPeerQueries(REPOSITORY_ROOT);
    expect(problems.map((p) => `${p.file} ${p.operation.name} -> ${p.target}: ${p.errors.join('; ')}`)).toEqual([]);
    expect(Object.fromEntries(checked.map((c) => [c.file, c.operations]))).toEqual({
      'services/spaces/src/licensing-gate.ts': ['LicensingGate', 'GuestAllowance'],
      'services/spaces/src/licensing-contracts.ts': ['CreateBaseContract', 'ConfirmBaseContract', 'MemberSeats'],
      'services/licensing/src/spaces-guests.ts': ['GuestOfTenant'],
      'services/licensing/src/spaces-members.ts': ['ActiveMemberCount'],
      'services/licensing/src/support-calendar.ts': ['VendorClosingDays'],
      'services/spaces/src/audit-sources.ts': ['LicensingAudit', 'CardsAudit', 'SupportAudit'],
      'services/cards/src/peers.ts': ['CardsViewerGroups', 'CardsDigitisationQuota'],
    });
  });

  it('an operation in a peer file without its target listed fails, asking for it', async () => {
    const { problems } = await checkPeerQueries(REPOSITORY_ROOT, [{ file: 'services/cards/src/peers.ts', targets: { CardsViewerGroups: 'spaces' } }]);
    expect(problems.map((p) => [p.operation.name, p.errors[0]])).toEqual([['CardsDigitisationQuota', expect.stringMatching(/not listed in PEER_QUERY_FILES/)]]);
  });

  it('fails, naming the file and operation, when the target drops a field a peer asks for', async () => {
    const licensing = await readFile(join(REPOSITORY_ROOT, 'services/licensing/schema.graphql'), 'utf8');
    const withoutAllowance = licensing.replace(/\n\s*("""[^"]*"""\s*)?guestAllowance: GuestAllowance!?\n/, '\n');
    expect(withoutAllowance).not.toMatch(/guestAllowance:/);
    const { problems } = await checkPeerQueries(REPOSITORY_ROOT, PEER_QUERY_FILES, { licensing: withoutAllowance });
    expect(problems.map((p) => [p.file, p.operation.name, p.target])).toEqual([['services/spaces/src/licensing-gate.ts', 'GuestAllowance', 'licensing']]);
    expect(problems[0]!.errors.join('\n')).toMatch(/Cannot query field "guestAllowance" on type "Tenant"/);
  });

  it('no subgraph holds an operation outside the listed peer files, so a new peer query cannot go unchecked', async () => {
    const services = join(REPOSITORY_ROOT, 'services');
    const listed = new Set(PEER_QUERY_FILES.map((p) => p.file));
    const unlisted: string[] = [];
    for (const service of await readdir(services)) {
      const { operations } = await collectClientOperations(REPOSITORY_ROOT, [relative(REPOSITORY_ROOT, join(services, service, 'src'))]);
      unlisted.push(...operations.filter((o) => !listed.has(o.location.replace(/:\d+$/, ''))).map((o) => `${o.location} ${o.name}`));
    }
    expect(unlisted, 'add the file and the subgraph it asks to PEER_QUERY_FILES in tools/src/peer-queries.ts').toEqual([]);
  });
});
