import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../server/config.js';
import { loadPersistedDocuments } from '../../../server/graphql/yoga.js';

describe("the PWA's persisted operations", () => {
  const folder = mkdtempSync(join(tmpdir(), 'abonent-manifest-'));
  const write = (name: string, text: string) => {
    const file = join(folder, name);
    writeFileSync(file, text);
    return file;
  };

  it('load from the codegen manifest: documents by their sha256', () => {
    const documents = loadPersistedDocuments();
    expect(Object.keys(documents).length).toBeGreaterThan(5);
    for (const [hash, document] of Object.entries(documents)) {
      expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(document).toMatch(/\b(query|mutation) \w+/);
    }
  });

  it('stop the start with a message naming the file and the fix when the file is missing', () => {
    const missing = join(folder, 'missing.json');
    expect(() => loadPersistedDocuments(missing)).toThrow(ConfigError);
    expect(() => loadPersistedDocuments(missing)).toThrow(/persisted operations are missing .*missing\.json.*npm run build/);
  });

  it.each([
    ['not JSON', '{"sha256:ab": "query A {'],
    ['a list', '["query A { a }"]'],
    ['empty', '{}'],
    ['not documents', '{"sha256:ab": 1}'],
  ])('stop the start when the file is %s', (_what, text) => {
    expect(() => loadPersistedDocuments(write('broken.json', text))).toThrow(ConfigError);
  });
});
