/**
 * The first screen's size budget: the JavaScript and CSS that index.html loads before anything
 * else (the entry script, the modules it preloads, its stylesheets), gzipped, and the dictionary of
 * the page's language, which the first screen waits for (the largest counts). Screens loaded on
 * demand are listed but not counted. Exits 1 above budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LANGUAGES } from '../client/src/i18n/index.js';
import { projectPath } from '../server/paths.js';

const BUDGET_KB = { js: 90, css: 15 };

const dist = projectPath('dist', 'client');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/client is missing: run `npm run build:client` first.');
  process.exit(1);
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set(
  [
    ...html.matchAll(/<script type="module"[^>]*\ssrc="\/([^"]+)"/g),
    ...html.matchAll(/<link rel="(?:modulepreload|stylesheet)"[^>]*\shref="\/([^"]+)"/g),
  ].map((match) => match[1] ?? ''),
);

// Kilobytes of 1000 bytes, as Vite reports them.
const gzippedKb = (path: string) => gzipSync(readFileSync(join(dist, path)), { level: 9 }).length / 1000;
const kb = (value: number) => `${value.toFixed(1).padStart(6)} KB`;

const totals = { js: 0, css: 0 };
for (const path of initial) {
  const size = gzippedKb(path);
  totals[path.endsWith('.css') ? 'css' : 'js'] += size;
  console.log(`${kb(size)}  ${path}`);
}

// Vite names each dictionary's chunk after its file: client/src/i18n/uk.json becomes assets/uk-<hash>.js.
const assets = readdirSync(join(dist, 'assets')).sort();
const dictionaries = assets.filter((file) => LANGUAGES.some((language) => file.startsWith(`${language}-`) && file.endsWith('.js')));
if (dictionaries.length !== LANGUAGES.length) {
  console.error(`Expected one chunk per language (${LANGUAGES.join(', ')}), found: ${dictionaries.join(', ') || 'none'}`);
  process.exit(1);
}
const [largest] = dictionaries.map((file) => ({ path: `assets/${file}`, size: gzippedKb(`assets/${file}`) })).sort((a, b) => b.size - a.size);
if (largest) {
  initial.add(largest.path);
  totals.js += largest.size;
  console.log(`${kb(largest.size)}  ${largest.path} (the largest dictionary)`);
}
console.log('On demand, not counted:');
for (const file of assets) {
  const path = `assets/${file}`;
  if (!initial.has(path) && /\.(js|css)$/.test(file)) console.log(`${kb(gzippedKb(path))}  ${path}`);
}

let over = false;
for (const kind of ['js', 'css'] as const) {
  const ok = totals[kind] <= BUDGET_KB[kind];
  over ||= !ok;
  console.log(`First screen ${kind.toUpperCase()}: ${totals[kind].toFixed(1)} KB gzip of ${BUDGET_KB[kind]} KB ${ok ? 'ok' : 'OVER BUDGET'}`);
}
process.exit(over ? 1 : 0);
