import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
const [url, pid] = [process.argv[2], Number(process.argv[3])];
const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8'); const x = f.slice(f.lastIndexOf(')') + 2).split(' '); return (Number(x[11]) + Number(x[12])) * 10; };
const body = JSON.stringify({ query: process.argv[4] ?? '{ __typename }' });
const variants = {
  plain: { 'content-type': 'application/json' },
  gatewayAccept: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json, multipart/mixed' },
  jsonAccept: { 'content-type': 'application/json', accept: 'application/json' },
  gatewayAll: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json, multipart/mixed', 'accept-encoding': 'gzip, deflate, br', 'x-request-id': 'abc-123' },
};
const res = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let round = 0; round < 3; round++) {
  for (const [name, headers] of Object.entries(variants)) {
    const before = cpu();
    const r = await autocannon({ url, method: 'POST', connections: 10, amount: 3000, headers, body });
    res[name].push((cpu() - before) / r.requests.total);
  }
}
for (const [k, v] of Object.entries(res)) console.log(k, v.map((x) => x.toFixed(3)).join(' '), 'median', [...v].sort()[1].toFixed(3));
