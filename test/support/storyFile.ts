import type { StorySource } from "../../src/archive/buildArchive.ts";

/**
 * Story files as an editor types them, for tests that build the archive in memory.
 *
 * Field values are raw YAML, so a test writes exactly the text it is about (`byline: 42`); a value
 * that starts with a line break is a block (`byline: "\n  - name: Ray Le Maistre"`). Fields come out
 * in the order given, one a line from line 2, so a test knows the line of each: the first field is
 * on line 2, the closing `---` on line (fields + 2), and a body given here starts on the line after.
 */
export function storyFile(fields: Record<string, string>, body = ""): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}:${value.startsWith("\n") ? "" : " "}${value}`);
  return `---\n${lines.join("\n")}\n---\n${body}`;
}

/** A YAML double-quoted string holding `text` as it is: titles with colons, quotes and dashes. */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

/** A story file as `readStoryFiles` would hand it over, from the articles folder `articles/`. */
export function storySource(sourcePath: string, content: string | Uint8Array): StorySource {
  return {
    sourcePath,
    file: `articles/${sourcePath}`,
    bytes: typeof content === "string" ? Buffer.from(content, "utf8") : content,
  };
}
