import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const clientDir = fileURLToPath(new URL('.', import.meta.url));

interface DocumentAst {
  __meta__?: { hash: string };
  definitions: { kind: string; name?: { kind: string; value: string } }[];
}

/** The documents codegen generates (client/src/gql/graphql.ts), with their persisted hashes. */
const generatedDocumentsPath = fileURLToPath(new URL('src/gql/graphql.ts', import.meta.url));

/**
 * The PWA sends only a document's persisted hash and operation name, so the full ASTs the client
 * preset generates (about 40 KB) would be dead weight; and graphql(source) finds its document in a map
 * of every document, which would put every screen's documents in the first screen. So each
 * graphql(`…`) call is replaced, where it is written, by its document cut down to the hash and the
 * operation's name: a document goes to the chunk of the screen that uses it.
 */
function persistedDocumentsOnly(): Plugin {
  let slimDocuments = new Map<string, string>();
  return {
    name: 'abonent:persisted-documents-only',
    // Before TypeScript is stripped: the generated lines are matched by their type assertion.
    enforce: 'pre',
    buildStart() {
      this.addWatchFile(generatedDocumentsPath);
      slimDocuments = readSlimDocuments(readFileSync(generatedDocumentsPath, 'utf8'));
    },
    transform(code, id) {
      if (!id.startsWith(clientDir) || id.includes('/src/gql/') || !/\.tsx?$/.test(id)) return null;
      return code.includes('graphql(`') ? inlineDocuments(code, slimDocuments) : null;
    },
  };
}

/** Each generated document by its definition's name, as the JSON of its hash and operation name. */
function readSlimDocuments(generated: string): Map<string, string> {
  const documents = new Map<string, string>();
  for (const [, json] of generated.matchAll(/^export const \w+(?:Document|FragmentDoc) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)) {
    const ast = JSON.parse(json ?? '') as DocumentAst;
    const operation = ast.definitions.find((definition) => definition.kind === 'OperationDefinition');
    const name = ast.definitions[0]?.name?.value;
    const slim: DocumentAst = { __meta__: ast.__meta__, definitions: operation ? [{ kind: operation.kind, name: operation.name }] : [] };
    if (name) documents.set(name, JSON.stringify(slim));
  }
  return documents;
}

/** graphql(`query Name …`) becomes Name's slim document; names are unique across the documents (codegen requires it). */
function inlineDocuments(code: string, slimDocuments: Map<string, string>): string {
  return code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (_call, source: string) => {
    const name = /\b(?:query|mutation|subscription|fragment)\s+(\w+)/.exec(source)?.[1] ?? '';
    const slim = slimDocuments.get(name);
    if (!slim) throw new Error(`No generated document for ${name || source.trim().slice(0, 60)}: run \`npm run codegen\``);
    return slim;
  });
}

/**
 * Brotli and gzip copies of the hashed assets, made once at build time at the highest levels,
 * so the BFF serves them compressed without spending CPU or a dependency on it per request.
 */
function precompressAssets(): Plugin {
  let assetsDir = '';
  return {
    name: 'abonent:precompress-assets',
    apply: 'build',
    configResolved(config) {
      assetsDir = join(config.build.outDir, config.build.assetsDir);
    },
    closeBundle() {
      for (const name of readdirSync(assetsDir)) {
        const path = join(assetsDir, name);
        if (!/\.(js|css)$/.test(name) || statSync(path).size < 1024) continue;
        const content = readFileSync(path);
        writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/**
 * A build is always the production PWA: minified, with its service worker and React's production
 * runtime. Vite follows NODE_ENV, so `NODE_ENV=development npm start` (GraphiQL on the BFF) would
 * otherwise ship a development bundle; NODE_ENV is what Vite and its plugins read, hence set here.
 */
export default defineConfig(({ command }) => {
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: clientDir,
    base: '/',
    build: {
      outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
      emptyOutDir: true,
      target: 'es2022',
      // The page links no module to preload, and the chunks loaded on demand are fetched anyway without
      // the polyfill where a browser lacks modulepreload (Safari before 17): it would only add bytes.
      modulePreload: { polyfill: false },
    },
    plugins: [
      persistedDocumentsOnly(),
      react(),
      precompressAssets(),
      VitePWA({
        strategies: 'injectManifest',
        srcDir: 'src',
        filename: 'sw.ts',
        // The BFF generates the manifest from the ISP's config, and the app registers the worker itself.
        manifest: false,
        injectRegister: false,
        injectManifest: {
          globPatterns: ['**/*.{js,css,html,png,svg}'],
        },
      }),
    ],
  };
});
