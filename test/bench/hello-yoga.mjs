// A bare graphql-yoga `{ hello }` on node:http, nothing else: the floor the production server's
// signed-out `Start` is compared with in `npm run bench`. Prints {"url": …} once it listens.
// Plain JavaScript, so it runs on node alone, as the compiled server does.
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } }),
  logging: false,
});
const server = createServer(yoga);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
