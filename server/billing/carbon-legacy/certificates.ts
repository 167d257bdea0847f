import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { promisify } from 'node:util';
import { ConfigError } from '../../config.js';

/**
 * Carbon's cashier web server ("веб-интерфейс кассира", :1443) requires a client certificate the
 * billing issued ("Требовать и проверять клиентский сертификат"); Carbon hands it out as a .pfx,
 * with or without a password. The adapter presents it, and trusts the CA that signed the billing's
 * own certificate. These are the billing's keys: read here, never logged, never in an error.
 */
export interface ClientTls {
  pfx?: Buffer;
  passphrase?: string;
  cert?: string;
  key?: string;
  /** The CA the billing's certificate chains to; Node's public CAs when absent. */
  ca?: string;
}

export interface ClientTlsPaths {
  CARBON_LEGACY_PFX?: string;
  CARBON_LEGACY_PFX_PASSWORD?: string;
  CARBON_LEGACY_CERT?: string;
  CARBON_LEGACY_KEY?: string;
  CARBON_LEGACY_CA?: string;
}

/** Reads the configured certificate files and checks they open, so a wrong file or password stops the start, not the first sign-in. */
export function readClientTls(paths: ClientTlsPaths): ClientTls {
  const read = (variable: keyof ClientTlsPaths): Buffer | undefined => {
    const path = paths[variable];
    if (path === undefined) return undefined;
    try {
      return readFileSync(path);
    } catch (error) {
      throw new ConfigError(`${variable}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  const pfx = read('CARBON_LEGACY_PFX');
  const tls: ClientTls = pfx
    ? { pfx, passphrase: paths.CARBON_LEGACY_PFX_PASSWORD }
    : { cert: read('CARBON_LEGACY_CERT')?.toString('utf8'), key: read('CARBON_LEGACY_KEY')?.toString('utf8') };
  tls.ca = read('CARBON_LEGACY_CA')?.toString('utf8');
  try {
    createSecureContext(tls);
  } catch (error) {
    // OpenSSL's reason ("mac verify failure", "bad decrypt") names no secret.
    const what = pfx ? 'CARBON_LEGACY_PFX with CARBON_LEGACY_PFX_PASSWORD' : 'CARBON_LEGACY_CERT, CARBON_LEGACY_KEY and CARBON_LEGACY_CA';
    throw new ConfigError(`${what}: the certificate does not open (${error instanceof Error ? error.message : 'unknown error'})`);
  }
  return tls;
}

// ---------------------------------------------------------------------------------------------
// A throwaway PKI for the simulator and the tests, made with the system's openssl.

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
