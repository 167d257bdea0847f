import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config.js';

/** The ISP's logo (CABINET_LOGO), read once at start: a new file takes a restart, like every setting. */
export interface BrandLogo {
  /** Where the page asks for it. The content's hash is in the name, so browsers may keep it for a year. */
  url: string;
  type: 'image/png' | 'image/svg+xml';
  body: Buffer;
  /** A PNG's size; an SVG has none. */
  pixels: { width: number; height: number } | null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An SVG document: an optional XML declaration, comments and doctype, then the <svg> root element. */
const SVG_DOCUMENT = /^\uFEFF?\s*(?:<\?xml[\s\S]*?\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/;

/** Width and height from the IHDR chunk, which the PNG format puts right after the signature. */
function pngPixels(body: Buffer): { width: number; height: number } | null {
  if (body.length < 24 || !body.subarray(0, 8).equals(PNG_SIGNATURE) || body.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = body.readUInt32BE(16);
  const height = body.readUInt32BE(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Reads the logo file; one that is missing, unreadable, or neither PNG nor SVG stops the start, naming the variable. */
export function readLogo(path: string): BrandLogo {
  const invalid = (reason: string) => new ConfigError(`Invalid configuration:\n  CABINET_LOGO: ${reason}`);
  let body: Buffer;
  try {
    body = readFileSync(path);
  } catch (error) {
    throw invalid(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const pixels = pngPixels(body);
  const type = pixels ? 'image/png' : SVG_DOCUMENT.test(body.toString('utf8', 0, 4096)) ? 'image/svg+xml' : null;
  if (!type) throw invalid(`${path} is neither a PNG nor an SVG file`);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return { url: `/brand/logo-${hash}.${type === 'image/png' ? 'png' : 'svg'}`, type, body, pixels };
}
