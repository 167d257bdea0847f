import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { ConfigError } from '../../env.js';

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
