import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readClientTls } from '../../../server/billing/carbon-legacy/certificates.js';
import { createTestPki, type TestPki } from '../../../server/billing/carbon-legacy/test-pki.js';
import { ConfigError, loadConfig } from '../../../server/config.js';

const REAL = {
  BILLING_KIND: 'carbon-legacy',
  BILLING_URL: 'https://billing.isp.example:1443',
  CARBON_LEGACY_LOGIN: 'api-cabinet',
  CARBON_LEGACY_PASSWORD: 'operator-secret',
  CARBON_LEGACY_PFX: '/etc/abonent/cabinet.pfx',
  CARBON_LEGACY_PFX_PASSWORD: 'pfx-secret',
  CARBON_LEGACY_CA: '/etc/abonent/carbon-ca.pem',
};

function configError(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('Carbon legacy configuration', () => {
  it('needs nothing for the demo', () => {
    const config = loadConfig({ BILLING_KIND: 'carbon-legacy' });
    expect(config.BILLING_KIND).toBe('carbon-legacy');
    expect([config.CARBON_LEGACY_LOGIN, config.CARBON_LEGACY_PFX, config.CARBON_LEGACY_CERT]).toEqual([undefined, undefined, undefined]);
  });

  it('takes a real billing with the API administrator and a .pfx, or a PEM pair', () => {
    expect(loadConfig(REAL)).toMatchObject({ CARBON_LEGACY_LOGIN: 'api-cabinet', CARBON_LEGACY_PFX: '/etc/abonent/cabinet.pfx' });
    expect(() => loadConfig({ ...REAL, CARBON_LEGACY_PFX: undefined, CARBON_LEGACY_PFX_PASSWORD: undefined, CARBON_LEGACY_CERT: '/c.pem', CARBON_LEGACY_KEY: '/k.pem' })).not.toThrow();
    expect(() => loadConfig({ ...REAL, CARBON_LEGACY_PFX_PASSWORD: '' })).not.toThrow();
  });

  it('names each missing variable', () => {
    expect(configError({ ...REAL, CARBON_LEGACY_LOGIN: undefined })).toMatch(/CARBON_LEGACY_LOGIN: CARBON_LEGACY_LOGIN \(the API administrator\) is required/);
    expect(configError({ ...REAL, CARBON_LEGACY_PASSWORD: ' ' })).toMatch(/CARBON_LEGACY_PASSWORD: /);
    const noCertificate = configError({ ...REAL, CARBON_LEGACY_PFX: undefined });
    expect(noCertificate).toMatch(/CARBON_LEGACY_CERT: .*or CARBON_LEGACY_PFX/);
    expect(noCertificate).toMatch(/CARBON_LEGACY_KEY: /);
    expect(configError({ ...REAL, CARBON_LEGACY_PFX: undefined, CARBON_LEGACY_CERT: '/c.pem' })).not.toMatch(/CARBON_LEGACY_CERT:/);
  });

  it('wants https and one kind of certificate, and never repeats a secret', () => {
    const message = configError({ ...REAL, BILLING_URL: 'http://billing.isp.example:1444', CARBON_LEGACY_CERT: '/c.pem' });
    expect(message).toMatch(/BILLING_URL: must be https/);
    expect(message).toMatch(/CARBON_LEGACY_PFX: set CARBON_LEGACY_PFX or CARBON_LEGACY_CERT/);
    expect(message).not.toContain('operator-secret');
    expect(message).not.toContain('pfx-secret');
  });
});

describe('reading the certificate files', () => {
  let pki: TestPki;
  let dir: string;
  const path = (name: string) => join(dir, name);

  beforeAll(async () => {
    pki = await createTestPki('Config test');
    dir = await mkdtemp(join(tmpdir(), 'abonent-config-test-'));
    await writeFile(path('client.pfx'), pki.client.pfx);
    await writeFile(path('client.crt'), pki.client.cert);
    await writeFile(path('client.key'), pki.client.key);
    await writeFile(path('ca.crt'), pki.ca.cert);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a .pfx with its password, or a PEM pair, and the CA', () => {
    const fromPfx = readClientTls({ CARBON_LEGACY_PFX: path('client.pfx'), CARBON_LEGACY_PFX_PASSWORD: pki.client.passphrase, CARBON_LEGACY_CA: path('ca.crt') });
    expect(fromPfx.pfx?.equals(pki.client.pfx)).toBe(true);
    expect([fromPfx.passphrase, fromPfx.ca, fromPfx.cert]).toEqual([pki.client.passphrase, pki.ca.cert, undefined]);
    expect(readClientTls({ CARBON_LEGACY_CERT: path('client.crt'), CARBON_LEGACY_KEY: path('client.key') })).toEqual({ cert: pki.client.cert, key: pki.client.key, ca: undefined });
  });

  it('stops the start on a missing file or a wrong password, naming the variable and not the password', () => {
    const missing = () => readClientTls({ CARBON_LEGACY_PFX: path('nope.pfx') });
    expect(missing).toThrow(ConfigError);
    expect(missing).toThrow(/CARBON_LEGACY_PFX: cannot read .*nope\.pfx \(ENOENT\)/);
    const wrongPassword = () => readClientTls({ CARBON_LEGACY_PFX: path('client.pfx'), CARBON_LEGACY_PFX_PASSWORD: 'wrong-pfx-password' });
    expect(wrongPassword).toThrow(/CARBON_LEGACY_PFX with CARBON_LEGACY_PFX_PASSWORD: the certificate does not open/);
    try {
      wrongPassword();
    } catch (error) {
      expect(String(error)).not.toContain('wrong-pfx-password');
    }
    expect(() => readClientTls({ CARBON_LEGACY_CERT: path('client.crt'), CARBON_LEGACY_KEY: path('ca.crt') })).toThrow(/does not open/);
  });
});
