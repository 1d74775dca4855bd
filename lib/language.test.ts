import { describe, expect, it } from "vitest";
import { canonicalLanguage, languageName, newsLanguage, openGraphLocale, textDirection } from "./language";

describe("languages", () => {
  it.each([
    ["en", "en"],
    ["EN-gb", "en-GB"],
    [" ar ", "ar"],
    ["pt-br", "pt-BR"],
    ["zh-hant-tw", "zh-Hant-TW"],
    ["sr-Latn", "sr-Latn"],
    ["", null],
    ["english", null],
    ["en_GB", null],
    ["e", null],
    ["<script>", null],
    ["GB", null],
    [`en-${"x".repeat(40)}`, null],
  ])("%j is %j", (tag, expected) => {
    expect(canonicalLanguage(tag)).toBe(expected);
  });

  it.each([
    ["ar", "rtl", "ar_EG", "ar"],
    ["he", "rtl", "he_IL", "he"],
    ["fa", "rtl", "fa_IR", "fa"],
    ["ur", "rtl", "ur_PK", "ur"],
    ["ps", "rtl", "ps_AF", "ps"],
    ["en", "ltr", "en_US", "en"],
    ["en-GB", "ltr", "en_GB", "en"],
    ["ru", "ltr", "ru_RU", "ru"],
    ["zh-Hant", "ltr", "zh_TW", "zh-tw"],
    ["zh", "ltr", "zh_CN", "zh-cn"],
    ["az-Arab", "rtl", "az_IR", "az"],
  ])("%s: %s, og:locale %s, news:language %s", (tag, direction, locale, news) => {
    expect(textDirection(tag)).toBe(direction);
    expect(openGraphLocale(tag)).toBe(locale);
    expect(newsLanguage(tag)).toBe(news);
  });

  it("names languages in English", () => {
    expect(languageName("ar")).toBe("Arabic");
    expect(languageName("ru")).toBe("Russian");
  });
});
