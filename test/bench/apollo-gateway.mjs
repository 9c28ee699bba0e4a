// The benchmark's reference point: the same supergraph served by @apollo/gateway behind a bare
// @apollo/server, forwarding the viewer's Authorization and the gateway credential as Kyodo's
// gateway does. Plain JS run by plain Node, so its start-up and memory are comparable with the
// built Kyodo gateway. Not a product: no limits, no masking, nothing but the forwarding.
//
// Env: PORT, HOST, SUPERGRAPH_PATH, GATEWAY_SECRET, <NAME>_URL for each subgraph.
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const env = process.env;
const CREDENTIAL_HEADER = 'x-kyodo-gateway-credential';

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(env.SUPERGRAPH_PATH, 'utf8'),
  buildService({ name, url }) {
    return new RemoteGraphQLDataSource({
      url: env[`${name.toUpperCase()}_URL`] ?? url,
      willSendRequest({ request, context }) {
        if (context.authorization) request.http.headers.set('authorization', context.authorization);
        request.http.headers.set(CREDENTIAL_HEADER, env.GATEWAY_SECRET);
      },
    });
  },
});

const server = new ApolloServer({ gateway, introspection: false });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(env.PORT ?? 0), host: env.HOST ?? '127.0.0.1' },
  context: async ({ req }) => ({ authorization: req.headers.authorization }),
});
process.stdout.write(`${JSON.stringify({ message: 'listening', url })}\n`);
const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
