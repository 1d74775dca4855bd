// Hostile Markdown bodies of 1 MB each, shared by lib/content/markdown.test.ts and
// bench/markdown-import.ts.
const MB = 1024 * 1024;

/** Hostile bodies of 1 MB each: the runs that made the old inline regex quadratic, and deep nesting. */
export const ADVERSARIAL: Record<string, string> = {
  "[ run": "[".repeat(MB),
  "* run": "*".repeat(MB),
  "_ run": "_".repeat(MB),
  "` run": "`".repeat(MB),
  "spaces then text": `${" ".repeat(MB - 1)}x`,
  "[a]( pairs": "[a](".repeat(MB / 4),
  "*a _b alternating": "*a _b ".repeat(MB / 6),
  "unclosed links": "[x](http://a.b/ ".repeat(MB / 16),
  "nested brackets": `${"[".repeat(MB / 2)}${"]".repeat(MB / 2)}`,
  "many lines of >": "> a\n".repeat(MB / 4),
};
