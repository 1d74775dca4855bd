import transliterate from "@sindresorhus/transliterate";
import { transliterate as transliterateAnyScript } from "transliteration";
import { tidySlug } from "./slug";

/**
 * A readable address from a headline, name or tag in any script: "Россия" → "rossiya",
 * "العالم العربي" → "alealm-alerby", "Straße" → "strasse", "日本の経済" → "ri-ben-nojing-ji".
 * @sindresorhus/transliterate first (its tables for Cyrillic, Greek, Arabic, Persian, Urdu,
 * Turkish, Vietnamese and the Latin letters read better), then `transliteration` for whatever
 * is still not Latin (Chinese, Japanese, Hebrew, Indic scripts …). Server-side only: the
 * tables are large, and the editor only ever tidies a typed slug (lib/slug.ts).
 */
export function slugify(text: string): string {
  const latin = transliterate(text.replace(/['’‘`]/g, ""));
  // Only text with something left outside ASCII pays for the second table.
  const ascii = /[^\u0000-\u007f]/.test(latin) ? transliterateAnyScript(latin, { unknown: " " }) : latin;
  return tidySlug(ascii);
}

/**
 * The tags a list of typed names makes, by slug: the first spelling typed wins when two names
 * make the same tag ("Cycling", "cycling "). A name that makes no address at all (no letter or
 * digit in any script) is returned in `unusable`, for the caller to refuse: never dropped.
 */
export function tagsBySlug(names: readonly string[]): { bySlug: Map<string, string>; unusable: string[] } {
  const bySlug = new Map<string, string>();
  const unusable: string[] = [];
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) unusable.push(name.trim());
    else if (!bySlug.has(slug)) bySlug.set(slug, name.trim());
  }
  return { bySlug, unusable };
}
