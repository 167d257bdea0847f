import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * monobank signs each webhook's raw body with ECDSA over SHA-256 (X-Sign: base64 of the DER
 * signature); its public key comes from GET /api/merchant/pubkey as base64 of a PEM.
 */
export function monobankPublicKey(base64Pem: string): KeyObject | null {
  try {
    const key = createPublicKey(Buffer.from(base64Pem, 'base64').toString('utf8'));
    return key.asymmetricKeyType === 'ec' ? key : null;
  } catch {
    return null;
  }
}

export function isMonobankSignatureValid(publicKey: KeyObject, body: Buffer, xSign: string): boolean {
  if (!/^[A-Za-z0-9+/]+=*$/.test(xSign)) return false;
  try {
    return verify('sha256', body, publicKey, Buffer.from(xSign, 'base64'));
  } catch {
    return false;
  }
}

/** What monobank does on its side; the simulator signs its webhooks with it. */
export function signMonobankBody(privateKey: KeyObject, body: Buffer | string): string {
  return sign('sha256', typeof body === 'string' ? Buffer.from(body) : body, privateKey).toString('base64');
}
