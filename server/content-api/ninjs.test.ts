import { describe, expect, it } from "vitest";
import type { ApiStory } from "@/lib/schemas/content-api";
import { ninjsErrors, ninjsValidator, suiteFiles } from "@/tests/ninjs-validator";
import { toNinjs } from "./ninjs";

describe("IPTC's ninjs 3.1 test suite, through the validator the tests use", () => {
  const validate = ninjsValidator();
  const passing = [
    ...suiteFiles("validation", "test_suite", "3.0", "should_pass"),
    ...suiteFiles("validation", "test_suite", "3.1", "should_pass"),
    // IPTC's runner takes the examples folder's own files; examples/3.0/collection is a draft
    // of collections (an array of items, one using 3.0's event fields) that 3.1 does not accept.
    ...suiteFiles("examples", "3.0"),
  ];
  const failing = [
    ...suiteFiles("validation", "test_suite", "3.0", "should_fail"),
    ...suiteFiles("validation", "test_suite", "3.1", "should_fail"),
  ];

  it("has documents to run", () => {
    expect(passing.length).toBeGreaterThan(20);
    expect(failing.length).toBeGreaterThan(5);
  });
  it.each(passing.map((f) => [f.name, f.document] as const))("accepts %s", (_name, document) => {
    expect(validate(document), ninjsErrors(validate)).toBe(true);
  });
  it.each(failing.map((f) => [f.name, f.document] as const))("refuses %s", (_name, document) => {
    expect(validate(document)).toBe(false);
  });
});

const origin = "https://news.example";
const story: ApiStory = {
  id: "01936b2e-7c1a-7000-8000-000000000001",
  slug: "harbour-vote",
  url: `${origin}/articles/harbour-vote`,
  headline: "Council approves harbour plan",
  standfirst: "A close vote after a long night.",
  language: "en",
  section: { slug: "world", name: "World", url: `${origin}/sections/world` },
  authors: [
    { slug: "wanda-writer", name: "Wanda Writer", kind: "STAFF", url: `${origin}/authors/wanda-writer` },
    { slug: "ana-freelance", name: "Ana Freelance", kind: "PERSON", url: `${origin}/authors/ana-freelance` },
    { slug: "reuters", name: "Reuters", kind: "AGENCY", url: `${origin}/authors/reuters` },
  ],
  tags: [{ slug: "harbour", name: "Harbour", url: `${origin}/tags/harbour` }],
  publishedAt: "2026-11-26T12:00:00.000Z",
  updatedAt: "2026-11-27T08:30:00.000Z",
  image: {
    url: `${origin}/media/boats.jpg`,
    alt: "Boats in the harbour",
    caption: "The harbour at dawn.",
    credit: "Masthead",
    width: 1600,
    height: 900,
    crops: {
      "16x9": `${origin}/articles/harbour-vote/image/16x9`,
      "4x3": `${origin}/articles/harbour-vote/image/4x3`,
      "1x1": `${origin}/articles/harbour-vote/image/1x1`,
    },
  },
  ninjs: `${origin}/api/v1/stories/01936b2e-7c1a-7000-8000-000000000001.ninjs.json`,
  bodyHtml: "<p>The council voted 7 to 6.</p>",
  bodyText: "The council voted 7 to 6.",
  corrections: [{ text: "The vote was 7 to 6, not 8 to 5.", at: "2026-11-27T08:30:00.000Z" }],
};

describe("a story in ninjs 3.1", () => {
  const validate = ninjsValidator();

  it("is valid with everything a story can have, and says what it is", () => {
    const item = toNinjs(story);
    expect(validate(item), ninjsErrors(validate)).toBe(true);
    expect(item).toMatchObject({
      uri: `urn:uuid:${story.id}`,
      type: "text",
      language: "en",
      firstCreated: story.publishedAt,
      versionCreated: story.updatedAt,
      headlines: [{ role: "main", value: story.headline }],
      by: "Wanda Writer, Ana Freelance and Reuters",
      people: [
        { name: "Wanda Writer", rel: "author" },
        { name: "Ana Freelance", rel: "author" },
      ],
      organisations: [{ name: "Reuters", rel: "creditline" }],
    });
    expect(item.associations?.[0]).toMatchObject({ name: "featureimage", type: "picture", uri: story.image?.url });
    expect(item.bodies?.[0]).toMatchObject({ contentType: "text/html", value: story.bodyHtml, wordCount: 6 });
  });

  it("is valid with the least a story can have: no picture, standfirst, author, section or tag", () => {
    const bare: ApiStory = {
      ...story,
      standfirst: "",
      authors: [],
      tags: [],
      section: null,
      image: null,
      language: "ar",
      headline: "موسكو تستضيف القيادة السورية",
    };
    const item = toNinjs(bare);
    expect(validate(item), ninjsErrors(validate)).toBe(true);
    expect(item.by).toBeUndefined();
    expect(item.descriptions).toBeUndefined();
    expect(item.associations).toBeUndefined();
  });
});
