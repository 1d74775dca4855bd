import { describe, expect, it } from "vitest";
import { MAX_SLUG_LENGTH, SLUG_PATTERN, slugify, tagsBySlug } from "./slug";

describe("slugify", () => {
  it.each([
    ["Russia hosts Syria’s new leadership", "russia-hosts-syrias-new-leadership"],
    ["  Café & Crème: déjà vu!  ", "cafe-creme-deja-vu"],
    ["What's next?", "whats-next"],
    ["2026: A year", "2026-a-year"],
    ["!!!", ""],
  ])("%s → %s", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("stops at a word boundary within the length limit", () => {
    const slug = slugify("word ".repeat(100));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith("-")).toBe(false);
    expect(SLUG_PATTERN.test(slug)).toBe(true);
  });
});

describe("tagsBySlug", () => {
  it("keeps the first spelling of each tag and drops names that make no slug", () => {
    expect([...tagsBySlug(["Cycling", " cycling ", "!!!", "Harbour "])]).toEqual([
      ["cycling", "Cycling"],
      ["harbour", "Harbour"],
    ]);
  });
});
