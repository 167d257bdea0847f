/** The reset code in a message the simulated billing "sent": the last run of 4–16 Latin letters and digits with a digit in it. */
export function codeInMessage(text: string): string | null {
  const candidates = text.match(/(?<![A-Za-z0-9])[A-Za-z0-9]{4,16}(?![A-Za-z0-9])/g) ?? [];
  return candidates.filter((candidate) => /\d/.test(candidate)).at(-1) ?? null;
}
