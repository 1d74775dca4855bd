/**
 * Languages of the newsroom and its stories: BCP 47 tags ("en", "ar", "pt-BR", "zh-Hant"),
 * kept in canonical form, and what each means for a page: its direction, its OpenGraph
 * locale, the code Google News takes. Pure (Intl only), for the server and the editor.
 */

export const MAX_LANGUAGE_LENGTH = 35;
export const DEFAULT_LANGUAGE = "en";

const KNOWN = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** The canonical form of a BCP 47 tag ("EN-gb" → "en-GB"), or null for anything that is not one. */
export function canonicalLanguage(tag: string): string | null {
  const trimmed = tag.trim();
  if (!trimmed || trimmed.length > MAX_LANGUAGE_LENGTH || !/^[A-Za-z0-9-]+$/.test(trimmed)) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    if (!canonical) return null;
    // Well formed is not enough: "gb" or "xx" parse, but name no language anyone writes in.
    const language = new Intl.Locale(canonical).language;
    return KNOWN.of(language) ? canonical : null;
  } catch {
    return null;
  }
}

/** Scripts written right to left (Unicode's list of those in use). */
const RIGHT_TO_LEFT_SCRIPTS = new Set(["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr"]);

function maximized(tag: string): Intl.Locale | null {
  try {
    return new Intl.Locale(tag).maximize();
  } catch {
    return null;
  }
}

/** "rtl" for a language written right to left (Arabic, Hebrew, Persian, Urdu, Pashto …), else "ltr". */
export function textDirection(tag: string): "rtl" | "ltr" {
  const script = maximized(tag)?.script;
  return script && RIGHT_TO_LEFT_SCRIPTS.has(script) ? "rtl" : "ltr";
}

/** OpenGraph's locale: language_TERRITORY ("ar" → "ar_EG", "en-GB" → "en_GB"). */
export function openGraphLocale(tag: string): string {
  const locale = maximized(tag);
  if (!locale) return "en_US";
  return locale.region ? `${locale.language}_${locale.region}` : locale.language;
}

/** The language code of a Google News sitemap: ISO 639, except zh-cn and zh-tw for Chinese. */
export function newsLanguage(tag: string): string {
  const locale = maximized(tag);
  if (!locale) return DEFAULT_LANGUAGE;
  if (locale.language === "zh") return locale.script === "Hant" ? "zh-tw" : "zh-cn";
  return locale.language;
}

/** A language's name in English ("ar" → "Arabic", "pt-BR" → "Brazilian Portuguese"). */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The languages the story form offers first (any other BCP 47 tag can be typed). */
export const COMMON_LANGUAGES = [
  "ar",
  "de",
  "el",
  "en",
  "es",
  "fa",
  "fr",
  "he",
  "hi",
  "it",
  "ja",
  "ko",
  "nl",
  "pl",
  "pt",
  "ru",
  "sv",
  "tr",
  "uk",
  "ur",
  "zh-Hans",
  "zh-Hant",
] as const;
