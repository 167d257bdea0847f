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

/**
 * The PWA sends only a document's persisted hash and operation name, so the full ASTs the client
 * preset generates (about 40 KB) would be dead weight in the first screen's bundle: keep just those.
 */
function persistedDocumentsOnly(): Plugin {
  const generatedDocument = /^(export const \w+(?:Document|FragmentDoc) = )(\{.*\})( as unknown as DocumentNode<.*>;)$/gm;
  return {
    name: 'abonent:persisted-documents-only',
    // Before TypeScript is stripped: the generated lines are matched by their type assertion.
    enforce: 'pre',
    transform(code, id) {
      if (id.endsWith('/src/gql/gql.ts')) return keyDocumentsByName(code);
      if (!id.endsWith('/src/gql/graphql.ts')) return null;
      return code.replace(generatedDocument, (_line, head: string, json: string, tail: string) => {
        const ast = JSON.parse(json) as DocumentAst;
        const operation = ast.definitions.find((definition) => definition.kind === 'OperationDefinition');
        const slim: DocumentAst = { __meta__: ast.__meta__, definitions: operation ? [{ kind: operation.kind, name: operation.name }] : [] };
        return `${head}${JSON.stringify(slim)}${tail}`;
      });
    },
  };
}

/**
 * graphql(source) finds its document in a map keyed by the whole source text, so the first screen
 * would carry the text of every screen's documents. Names are unique across the documents (codegen
 * requires it), so the map is keyed by the first definition's name and graphql() looks up the same.
 */
function keyDocumentsByName(code: string): string {
  const firstName = /(?:query|mutation|subscription|fragment)\s+(\w+)/;
  const keyed = code.replace(/^(\s+)("(?:[^"\\]|\\.)*")(: types\.\w+,)$/gm, (line, indent: string, key: string, value: string) => {
    const name = firstName.exec(JSON.parse(key) as string)?.[1];
    return name ? `${indent}${JSON.stringify(name)}${value}` : line;
  });
  const lookup = 'return (documents as any)[source] ?? {};';
  if (!keyed.includes(lookup)) throw new Error('gql.ts changed shape: update keyDocumentsByName');
  return keyed.replace(lookup, `return (documents as any)[${firstName}.exec(source)?.[1] ?? ''] ?? {};`);
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
