/*
 * PHP's json_encode as Ubilling's JSON agents print with it: the simulator answers in these bytes,
 * so the BFF's parsers meet what a real Ubilling sends.
 */

/** A PHP float: json_encode prints 100.0 for it, where an int would be 100. */
export class PhpFloat {
  constructor(readonly value: number) {}
}

/** json_encode with no flags: \uXXXX for non-ASCII, "\/" for "/", `[]` for an empty array, key order kept. */
export function phpJsonEncode(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof PhpFloat) {
    const text = String(value.value);
    return /[.e]/.test(text) ? text : `${text}.0`;
  }
  if (typeof value === 'string') {
    return JSON.stringify(value)
      .replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .replace(/\//g, '\\/');
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(phpJsonEncode).join(',')}]`;
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value as object);
  if (entries.length === 0) return '[]';
  return `{${entries.map(([key, item]) => `${phpJsonEncode(String(key))}:${phpJsonEncode(item)}`).join(',')}}`;
}
