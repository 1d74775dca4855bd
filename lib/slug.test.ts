import { describe, expect, it } from "vitest";
import { MAX_SLUG_LENGTH, SLUG_PATTERN, tidySlug } from "./slug";
import { slugify, tagsBySlug } from "./slugify";

describe("slugify", () => {
  it.each([
    ["Russia hosts Syria’s new leadership", "russia-hosts-syrias-new-leadership"],
    ["  Café & Crème: déjà vu!  ", "cafe-creme-deja-vu"],
    ["What's next?", "whats-next"],
    ["2026: A year", "2026-a-year"],
    // Cyrillic, Greek, Arabic, Persian, Hebrew, accented Latin, German ß, Turkish, Polish, CJK, Devanagari.
    ["Россия", "rossiya"],
    ["Путин встретился с аш-Шейбани", "putin-vstretilsya-s-ash-sheybani"],
    ["Ελλάδα και Κύπρος", "ellada-kai-kypros"],
    ["العالم العربي", "alealm-alerby"],
    ["اقتصاد ایران", "aqtsad-ayran"],
    ["שלום עולם", "shlvm-vlm"],
    ["Crème brûlée à Paris", "creme-brulee-a-paris"],
    ["Straße in Köln", "strasse-in-koeln"],
    ["İstanbul’da şenlik", "istanbulda-senlik"],
    ["Łódź Świętokrzyska", "lodz-swietokrzyska"],
    ["日本の経済", "ri-ben-nojing-ji"],
    ["हिन्दी समाचार", "hindii-smaacaar"],
    ["!!!", ""],
    ["🎉🎉", ""],
  ])("%s → %s", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("stops at a word boundary within the length limit, in any script", () => {
    for (const word of ["word ", "слово ", "كلمة "]) {
      const slug = slugify(word.repeat(100));
      expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
      expect(slug.endsWith("-")).toBe(false);
      expect(SLUG_PATTERN.test(slug)).toBe(true);
    }
  });
});

describe("tidySlug (what someone typed as an address)", () => {
  it("keeps Latin words, drops accents and everything else", () => {
    expect(tidySlug(" My New  Address! ")).toBe("my-new-address");
    expect(tidySlug("déjà-vu")).toBe("deja-vu");
  });
});

describe("tagsBySlug", () => {
  it("keeps the first spelling of each tag, in any script, and returns names that make no address", () => {
    const { bySlug, unusable } = tagsBySlug(["Cycling", " cycling ", "!!!", "Harbour ", "العالم العربي", "Россия"]);
    expect([...bySlug]).toEqual([
      ["cycling", "Cycling"],
      ["harbour", "Harbour"],
      ["alealm-alerby", "العالم العربي"],
      ["rossiya", "Россия"],
    ]);
    expect(unusable).toEqual(["!!!"]);
  });
});
