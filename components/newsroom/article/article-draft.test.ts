import { describe, expect, it } from "vitest";
import { updateArticleInput } from "@/lib/schemas/article";
import { paragraphs } from "@/lib/content/document";
import { sameText, updateInput, type ArticleDraft } from "./article-draft";

const draft: ArticleDraft = {
  heroImageUrl: "",
  headline: "Harbour vote",
  standfirst: "What it means.",
  sectionId: "",
  body: paragraphs(["The council voted."]),
  heroImageCaption: "ignored without an image",
  heroImageCredit: "",
  heroImageAlt: "",
  slug: "harbour-vote",
  authorIds: ["6f1c1c2e-8d8b-4d5e-9f3a-1b2c3d4e5f60"],
  tags: " ferries, , council ",
  seoTitle: "",
  seoDescription: "",
  targetWords: "",
  language: "",
};
const id = "01a23128-2437-70fc-83e8-526784b09260";

describe("what a save sends", () => {
  it("without co-editing: the text and the rest, accepted by the procedure's schema", () => {
    const input = updateInput(id, draft, 3, { sharedText: false, wasPublished: false });
    expect(input).toMatchObject({ headline: "Harbour vote", tags: ["ferries", "council"], heroImageCaption: null });
    expect(updateArticleInput.safeParse(input).success).toBe(true);
  });
  it("co-edited: no text at all (it travels through the shared document), and no slug once published", () => {
    const input = updateInput(id, draft, 3, { sharedText: true, wasPublished: true });
    expect(input).not.toHaveProperty("headline");
    expect(input).not.toHaveProperty("body");
    expect(input.slug).toBeUndefined();
    expect(updateArticleInput.safeParse(input).success).toBe(true);
  });
});

describe("the same text", () => {
  it("compares headline, standfirst and body, not the details, and not the order of keys", () => {
    expect(sameText(draft, { ...draft, sectionId: "another", tags: "other" })).toBe(true);
    // jsonb gives keys back in its own order.
    const fromDatabase = JSON.parse(
      '{"content":[{"content":[{"text":"The council voted.","type":"text"}],"type":"paragraph"}],"type":"doc"}',
    ) as ArticleDraft["body"];
    expect(sameText(draft, { ...draft, body: fromDatabase })).toBe(true);
    expect(sameText(draft, { ...draft, body: paragraphs(["The council voted again."]) })).toBe(false);
    expect(sameText(draft, { ...draft, headline: "Harbour vote tonight" })).toBe(false);
    expect(sameText(draft, { ...draft, standfirst: "" })).toBe(false);
  });
});
