import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../../../server/config.js';
import { projectPath } from '../../../server/paths.js';

/**
 * .env.example is the configuration's documentation; this keeps it and the schema in step. Each
 * variable is there once, set ("NAME=value") or shown at its default ("# NAME=value"); the set
 * ones make a valid configuration, and each shown default is the schema's.
 */
const lines = readFileSync(projectPath('.env.example'), 'utf8').split('\n');
const entries = lines.flatMap((line) => {
  const match = /^(# )?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
  return match ? [{ name: match[2]!, value: match[3]!, set: match[1] === undefined }] : [];
});

describe('.env.example', () => {
  it('names every configuration variable once, and nothing else', () => {
    const names = entries.map((entry) => entry.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    const schema = Object.keys(configSchema.shape);
    expect(names.filter((name) => !schema.includes(name)), 'in .env.example but not in server/config.ts').toEqual([]);
    expect(schema.filter((name) => !names.includes(name)), 'in server/config.ts but missing from .env.example').toEqual([]);
  });

  it('sets a valid configuration', () => {
    const set = Object.fromEntries(entries.filter((entry) => entry.set).map((entry) => [entry.name, entry.value]));
    expect(() => loadConfig(set)).not.toThrow();
  });

  it('shows each default as the schema has it', () => {
    const defaults = loadConfig({});
    for (const entry of entries.filter((candidate) => !candidate.set)) {
      const name = entry.name as keyof typeof defaults;
      expect(loadConfig({ [name]: entry.value })[name], name).toEqual(defaults[name]);
    }
  });
});
