import { storyFields, type FieldDeclarations } from "./schema.ts";

/** Where the comments start in the README's front matter example, so they line up. */
const COMMENT_COLUMN = 30;

/**
 * The front matter lines of the README's article format, one row per declared field, made from
 * the declarations (issue 19): a test checks that the README holds exactly these lines.
 */
export function documentedFrontMatter(fields: FieldDeclarations = storyFields): string[] {
  return Object.entries(fields).flatMap(([name, spec]) => {
    const [first, ...more] = `${name}: ${spec.doc.example}`.split("\n");
    const line = first.trimEnd();
    const comment = `# ${spec.required ? "required" : "optional"}${spec.doc.note ? `: ${spec.doc.note}` : ""}`;
    return [`${line}${" ".repeat(Math.max(2, COMMENT_COLUMN - line.length))}${comment}`, ...more];
  });
}
