/** The reset code in a message the simulated billing "sent": the last run of 4–16 capital Latin letters and digits. */
export function codeInMessage(text: string): string | null {
  const candidates = text.match(/(?<![A-Za-z0-9])[A-Z0-9]{4,16}(?![A-Za-z0-9])/g) ?? [];
  return candidates.at(-1) ?? null;
}
