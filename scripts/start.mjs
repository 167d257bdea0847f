// `npm start`: builds the PWA and the BFF when their sources changed since the last build (a current
// build starts at once), then runs the compiled server. Without a BILLING_URL it runs the demo, with a
// simulated billing on loopback. Arguments after `npm start --` go to the server.
// `npm run dev` (`--dev`): the same, but the server runs from its sources with tsx, restarting on
// change, with NODE_ENV=development (GraphiQL, any GraphQL document).
//
// Plain JavaScript, so `npm start` runs without tsx on a production install.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfStale, root, tool } from './build.mjs';

const dev = process.argv[2] === '--dev';
const serverArgs = [...(process.env.BILLING_URL ? [] : ['--demo']), ...process.argv.slice(dev ? 3 : 2)];

buildIfStale(dev ? ['client'] : ['client', 'server']);

const server = dev
  ? spawn(process.execPath, [tool('tsx', 'dist/cli.mjs'), 'watch', 'server/main.ts', ...serverArgs], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'development' },
    })
  : spawn(process.execPath, [join(root, 'dist', 'server', 'main.js'), ...serverArgs], { cwd: root, stdio: 'inherit' });

// The server stops gracefully on SIGTERM and SIGINT; pass them on, and leave when it has.
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'];
const forward = (signal) => server.kill(signal);
for (const signal of SIGNALS) process.on(signal, forward);

server.on('exit', (code, signal) => {
  for (const name of SIGNALS) process.off(name, forward);
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
