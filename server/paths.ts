import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverFolder = dirname(fileURLToPath(import.meta.url));

/** The repository root: the nearest folder with package.json, from `server/` under tsx or `dist/server/` once built. */
function findProjectRoot(start: string): string {
  let folder = start;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${start}`);
    folder = parent;
  }
  return folder;
}

export const projectRoot = findProjectRoot(serverFolder);

export const projectPath = (...segments: string[]) => join(projectRoot, ...segments);

/** True for the compiled server in `dist/server/`, false when it runs from its sources (tsx, vitest). */
const compiled = basename(dirname(serverFolder)) === 'dist';

/**
 * The PWA's persisted operations (hash to document), which codegen writes into the client's sources.
 * `npm run build:server` copies the file beside the compiled server, so a build carries the list it
 * was made with and runs without the client's sources.
 */
export const persistedDocumentsPath = compiled ? join(serverFolder, 'persisted-documents.json') : projectPath('client', 'src', 'gql', 'persisted-documents.json');
