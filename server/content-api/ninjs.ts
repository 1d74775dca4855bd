import type { ApiStory } from "@/lib/schemas/content-api";
import { storyUrn } from "@/lib/syndication/feeds";
import { wordCount } from "@/lib/content/text";

// A story as an IPTC ninjs 3.1 news item (https://iptc.org/standards/ninjs/). Tests validate
// every document this makes against IPTC's JSON Schema (tests/ninjs/).

export const NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";
export const NINJS_MEDIA_TYPE = "application/ninjs+json";

type Text = { role?: string; contentType?: string; value: string };

export interface NinjsItem {
  uri: string;
  standard: { name: "ninjs"; version: "3.1"; schema: string };
  type: "text" | "picture";
  representationType: "full";
  firstCreated?: string;
  versionCreated?: string;
  pubStatus: "usable";
  language?: string;
  slugline?: string;
  headlines?: Text[];
  descriptions?: Text[];
  bodies?: (Text & { charCount?: number; wordCount?: number })[];
  by?: string;
  people?: { name: string; rel: string; uri: string }[];
  organisations?: { name: string; rel: string; uri: string }[];
  subjects?: { name: string; rel: string; uri: string }[];
  copyrightNotice?: string;
  renditions?: { name: string; href: string; contentType: string; width?: number; height?: number }[];
  associations?: (Omit<NinjsItem, "standard"> & { name: string })[];
  altIds?: { role: string; value: string }[];
}

const standard = { name: "ninjs", version: "3.1", schema: NINJS_SCHEMA } as const;

const IMAGE_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  avif: "image/avif",
};
const imageType = (url: string) =>
  IMAGE_TYPES[/\.([a-z0-9]+)(?:\?|$)/i.exec(url)?.[1]?.toLowerCase() ?? ""] ?? "image/jpeg";

/** "A, B and C". */
function byline(names: string[]): string | undefined {
  if (names.length === 0) return undefined;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export function toNinjs(story: ApiStory): NinjsItem {
  const people = story.authors.filter((a) => a.kind !== "AGENCY");
  const agencies = story.authors.filter((a) => a.kind === "AGENCY");
  const image = story.image;
  return {
    uri: storyUrn(story.id),
    standard,
    type: "text",
    representationType: "full",
    firstCreated: story.publishedAt,
    versionCreated: story.updatedAt,
    pubStatus: "usable",
    language: story.language,
    slugline: story.slug,
    headlines: [{ role: "main", value: story.headline }],
    ...(story.standfirst
      ? { descriptions: [{ role: "summary", contentType: "text/plain", value: story.standfirst }] }
      : {}),
    bodies: [
      {
        role: "main",
        contentType: "text/html",
        value: story.bodyHtml,
        charCount: story.bodyText.length,
        wordCount: wordCount(story.bodyText),
      },
      { role: "main", contentType: "text/plain", value: story.bodyText },
    ],
    ...(byline(story.authors.map((a) => a.name)) ? { by: byline(story.authors.map((a) => a.name)) } : {}),
    ...(people.length > 0 ? { people: people.map((p) => ({ name: p.name, rel: "author", uri: p.url })) } : {}),
    ...(agencies.length > 0
      ? { organisations: agencies.map((a) => ({ name: a.name, rel: "creditline", uri: a.url })) }
      : {}),
    subjects: [
      ...(story.section ? [{ name: story.section.name, rel: "section", uri: story.section.url }] : []),
      ...story.tags.map((t) => ({ name: t.name, rel: "tag", uri: t.url })),
    ],
    renditions: [{ name: "page", href: story.url, contentType: "text/html" }],
    altIds: [{ role: "slug", value: story.slug }],
    ...(image
      ? {
          associations: [
            {
              name: "featureimage",
              uri: image.url,
              type: "picture",
              representationType: "full",
              pubStatus: "usable",
              ...(image.caption ? { descriptions: [{ role: "caption", value: image.caption }] } : {}),
              ...(image.alt ? { headlines: [{ role: "alternative", value: image.alt }] } : {}),
              ...(image.credit ? { copyrightNotice: image.credit } : {}),
              renditions: [
                {
                  name: "original",
                  href: image.url,
                  contentType: imageType(image.url),
                  ...(image.width && image.height ? { width: image.width, height: image.height } : {}),
                },
                ...(["16x9", "4x3", "1x1"] as const).map((ratio) => ({
                  name: `crop-${ratio}`,
                  href: image.crops[ratio],
                  contentType: "image/jpeg",
                })),
              ],
            },
          ],
        }
      : {}),
  };
}
