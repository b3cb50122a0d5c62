/**
 * Characters that are no text (issue 22): C0 controls but tab and newline, DEL, and lone
 * surrogates (half a character, which UTF-8 cannot write). One in a title made feed.xml ill-formed
 * XML for every subscriber; in HTML or JSON-LD they show as boxes or nothing at all.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F]|\p{Cs}/u;

/** The first control character anywhere in a YAML value (text, or text inside lists and maps), with where it is. */
export function findControlCharacter(raw: unknown): { name: string; index: number } | undefined {
  if (typeof raw === "string") {
    const match = CONTROL_CHARACTER.exec(raw);
    return match ? { name: nameOf(match[0]), index: [...raw.slice(0, match.index)].length + 1 } : undefined;
  }
  if (raw !== null && typeof raw === "object" && !(raw instanceof Date)) {
    for (const value of Array.isArray(raw) ? raw : [...Object.keys(raw), ...Object.values(raw)]) {
      const found = findControlCharacter(value);
      if (found) return found;
    }
  }
  return undefined;
}

function nameOf(character: string): string {
  const code = character.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return code >= 0xd800 && code <= 0xdfff ? `a lone surrogate ${hex} (half of a character)` : `the control character ${hex}`;
}
