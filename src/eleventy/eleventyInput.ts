/**
 * The folder Eleventy looks in for templates. The archive has none on disk (one template, added
 * by the archive plugin, writes every page), so it is not `articles/`: Eleventy would walk all
 * the story files there looking for templates, 0.2 s of every build at 10,000 stories. `layouts/`
 * holds TypeScript only, which Eleventy leaves alone (its only template format is `11ty.js`).
 */
export const ELEVENTY_INPUT = "layouts";
