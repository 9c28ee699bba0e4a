// The floor of one hop: a minimal Node HTTP proxy in front of the same subgraphs the gateway
// calls, so every bench run measures what passing a request through one more process costs on
// this machine (issue 21: the gateway's CPU per request is judged against this one's).
// /<name>/<path> goes to <name>'s URL, headers and body unchanged, over kept-alive connections.
// Plain JS run by plain Node, like apollo-gateway.mjs: no tsx, nothing else loaded.
//
// Env: PORT, HOST, TARGETS (JSON: { "spaces": "http://127.0.0.1:4001/graphql", ... }).
import { Agent, createServer, request } from 'node:http';

const targets = Object.fromEntries(Object.entries(JSON.parse(process.env.TARGETS ?? '{}')).map(([name, url]) => [name, new URL(url)]));
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  const slash = url.indexOf('/', 1);
  const target = targets[url.slice(1, slash < 0 ? undefined : slash)];
  if (!target) {
    res.writeHead(404).end();
    return;
  }
  const forward = request(
    { agent, host: target.hostname, port: target.port, method: req.method, path: target.pathname, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forward.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(forward);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ message: 'listening', port: server.address().port })}\n`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
