// Builds the PWA (dist/client) and the BFF (dist/server), and stamps each build with a hash of the
// files it was made from, so `npm start` can tell a current build from a stale one without building.
//
//   node scripts/build.mjs [client] [server]             build them (both when none is named)
//   node scripts/build.mjs --if-stale [client] [server]  build only those whose inputs changed
//
// Plain JavaScript on purpose: it must run on a production install, where devDependencies (tsx, and
// the TypeScript and Vite that only a stale build needs) are pruned.
//
// Why a content hash rather than modification times: a checkout, `git stash`, a copy or an unpacked
// archive can give a changed file an older time, and mtimes would then keep a stale build; hashing
// the inputs (about a megabyte) costs a few milliseconds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));
const fromRoot = (...segments) => join(root, ...segments);
const require = createRequire(import.meta.url);

/** Where codegen writes the PWA's persisted operations; the server build carries a copy (see server/paths.ts). */
const PERSISTED_DOCUMENTS = 'client/src/gql/persisted-documents.json';

/**
 * Each build: the files and folders it is made from (the lock file stands for the tools' and
 * libraries' versions, this script for the recipe), what must exist after it, and how to make it.
 */
export const targets = {
  client: {
    inputs: ['client', 'shared', 'package-lock.json', 'scripts/build.mjs'],
    outputs: ['dist/client/index.html', 'dist/client/sw.js'],
    build: () => run(tool('vite', 'bin/vite.js'), ['build', '--config', 'client/vite.config.ts']),
  },
  server: {
    inputs: ['server', 'shared', 'tsconfig.json', 'tsconfig.build.json', PERSISTED_DOCUMENTS, 'package-lock.json', 'scripts/build.mjs'],
    outputs: ['dist/server/main.js', 'dist/server/persisted-documents.json'],
    build: () => {
      // From scratch, so a deleted source leaves no stale module behind.
      rmSync(fromRoot('dist', 'server'), { recursive: true, force: true });
      rmSync(fromRoot('dist', 'shared'), { recursive: true, force: true });
      run(tool('typescript', 'bin/tsc'), ['-p', 'tsconfig.build.json']);
      if (!existsSync(fromRoot(PERSISTED_DOCUMENTS))) fail(`${PERSISTED_DOCUMENTS} is missing: run \`npm run codegen\``);
      copyFileSync(fromRoot(PERSISTED_DOCUMENTS), fromRoot('dist', 'server', 'persisted-documents.json'));
    },
  },
};

const stampPath = (name) => fromRoot('dist', `${name}.inputs.sha256`);

function fail(message) {
  process.stderr.write(`build: ${message}\n`);
  process.exit(1);
}

/** A build tool's entry point from node_modules; missing on a pruned production install. */
export function tool(pkg, bin) {
  let manifest;
  try {
    manifest = require.resolve(`${pkg}/package.json`);
  } catch {
    fail(`${pkg} is not installed (a production install has no dev dependencies), and it is needed to build, or to run from the sources: run \`npm ci\``);
  }
  return join(dirname(manifest), bin);
}

function run(script, args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`${relative(root, script)} ${args.join(' ')} failed`);
}

function* files(path) {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) yield* files(join(path, entry));
}

/** A hash of every input file's path and content. */
export function inputsHash(name) {
  const hash = createHash('sha256');
  for (const input of targets[name].inputs) {
    for (const file of files(fromRoot(input))) {
      hash.update(relative(root, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

/** True when the build exists and was made from exactly the current inputs. */
export function isCurrent(name, hash = inputsHash(name)) {
  const stamp = stampPath(name);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash && targets[name].outputs.every((output) => existsSync(fromRoot(output)));
}

/** Builds one target and stamps it; the stamp goes first, so a build that fails or is stopped is never taken for current. */
export function build(name, hash = inputsHash(name)) {
  rmSync(stampPath(name), { force: true });
  targets[name].build();
  mkdirSync(fromRoot('dist'), { recursive: true });
  writeFileSync(stampPath(name), `${hash}\n`);
}

/** Builds the named targets whose inputs changed since their last build; says which it skipped. */
export function buildIfStale(names) {
  for (const name of names) {
    const hash = inputsHash(name);
    if (isCurrent(name, hash)) process.stderr.write(`build: dist/${name} is current\n`);
    else build(name, hash);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const ifStale = args.includes('--if-stale');
  const names = args.filter((arg) => arg !== '--if-stale');
  for (const name of names) if (!(name in targets)) fail(`unknown build "${name}"; usage: node scripts/build.mjs [--if-stale] [client] [server]`);
  const chosen = names.length > 0 ? names : Object.keys(targets);
  if (ifStale) buildIfStale(chosen);
  else for (const name of chosen) build(name);
}
