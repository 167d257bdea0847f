import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * LiqPay signs every request and callback the same way: `data` is the base64 of the JSON, and
 * `signature` = base64(sha1(private_key + data + private_key)).
 */
export function liqpaySignature(privateKey: string, data: string): string {
  return createHash('sha1').update(privateKey + data + privateKey).digest('base64');
}

export function encodeLiqpayData(params: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(params), 'utf8').toString('base64');
}

/** The request or callback's parameters; null when `data` is not base64 of a JSON object. */
export function decodeLiqpayData(data: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Constant time: comparing digests of equal length tells an attacker nothing about how close a guess was. */
export function isLiqpaySignatureValid(privateKey: string, data: string, signature: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(liqpaySignature(privateKey, data)), digest(signature));
}
