import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// A throwaway PKI for the simulator (the demo) and the tests, made with the system's openssl.
// Nothing here is used against a real billing: its certificates come from CARBON_LEGACY_* files.

export interface Pem {
  cert: string;
  key: string;
}

export interface TestPki {
  ca: Pem;
  /** For 127.0.0.1 and localhost. */
  server: Pem;
  /** A client certificate the CA signed, as PEM and as the .pfx Carbon hands out. */
  client: Pem & { pfx: Buffer; passphrase: string };
}

const run = promisify(execFile);
const DAYS = '30';

/** Section names are the only config openssl reads, so the system's openssl.cnf changes nothing. */
const OPENSSL_CONFIG = `
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
[client]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
`;

/**
 * A new CA with a server and a client certificate, made in a temporary folder that is gone when
 * this returns: nothing generated stays on disk. P-256 keys, so it takes milliseconds.
 */
export async function createTestPki(name = 'Abonent test'): Promise<TestPki> {
  const dir = await mkdtemp(join(tmpdir(), 'abonent-pki-'));
  const passphrase = randomBytes(12).toString('hex');
  const file = (base: string) => join(dir, base);
  const openssl = async (...args: string[]) => {
    try {
      await run('openssl', args, { cwd: dir, env: { ...process.env, OPENSSL_CONF: file('openssl.cnf'), PFX_PASSPHRASE: passphrase } });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'openssl is not installed' : `openssl ${args[0]} failed`;
      throw new Error(`Cannot make the Carbon legacy simulator's certificates: ${reason}`, { cause: error });
    }
  };
  const keyArgs = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const issue = async (base: 'server' | 'client', subject: string) => {
    await openssl('req', '-new', ...keyArgs, '-keyout', file(`${base}.key`), '-out', file(`${base}.csr`), '-subj', subject, '-config', file('openssl.cnf'));
    await openssl('x509', '-req', '-in', file(`${base}.csr`), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-set_serial', `0x${randomBytes(8).toString('hex')}`,
      '-days', DAYS, '-extfile', file('openssl.cnf'), '-extensions', base, '-out', file(`${base}.crt`));
  };
  try {
    await writeFile(file('openssl.cnf'), OPENSSL_CONFIG);
    await openssl('req', '-x509', ...keyArgs, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-subj', `/CN=${name} CA`, '-days', DAYS,
      '-config', file('openssl.cnf'), '-extensions', 'ca');
    await issue('server', '/CN=localhost');
    await issue('client', `/CN=${name} client`);
    await openssl('pkcs12', '-export', '-inkey', file('client.key'), '-in', file('client.crt'), '-out', file('client.pfx'), '-passout', 'env:PFX_PASSPHRASE');
    const text = (base: string) => readFile(file(base), 'utf8');
    return {
      ca: { cert: await text('ca.crt'), key: await text('ca.key') },
      server: { cert: await text('server.crt'), key: await text('server.key') },
      client: { cert: await text('client.crt'), key: await text('client.key'), pfx: await readFile(file('client.pfx')), passphrase },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
