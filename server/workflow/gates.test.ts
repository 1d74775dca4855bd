import { describe, expect, it } from "vitest";
import { embargoProblem, gateMessage, missingForPublish, type GateFacts } from "./gates";

const ready: GateFacts = {
  headline: "Headline",
  standfirst: "Standfirst",
  hasBodyParagraph: true,
  slug: "headline",
  authorCount: 1,
  sectionId: "s",
  heroImageUrl: null,
  heroImageCredit: null,
  heroImageAlt: null,
  legalReviewRequired: false,
  legalSignedOffAt: null,
  embargoedUntil: null,
  openSuggestions: 0,
  holdForComments: false,
  openCommentThreads: 0,
};

describe("publish gates", () => {
  it("pass for a complete article", () => {
    expect(missingForPublish(ready)).toEqual([]);
  });

  it.each([
    [{ headline: "  " }, "a headline"],
    [{ standfirst: "" }, "a standfirst"],
    [{ hasBodyParagraph: false }, "a body with at least one paragraph"],
    [{ slug: "" }, "a slug"],
    [{ authorCount: 0 }, "at least one author"],
    [{ sectionId: null }, "a section"],
    [{ heroImageUrl: "/media/x.jpg", heroImageAlt: "Alt" }, "a hero image credit"],
    [{ heroImageUrl: "/media/x.jpg", heroImageCredit: "AP" }, "hero image alt text"],
    [{ legalReviewRequired: true }, "a legal sign-off"],
    [{ openSuggestions: 1 }, "a decision on 1 open suggestion (accept or reject in Suggestions)"],
    [{ openSuggestions: 3 }, "a decision on 3 open suggestions (accept or reject in Suggestions)"],
    [
      { holdForComments: true, openCommentThreads: 2 },
      "2 comment threads resolved (the editor holds publishing until comments are resolved)",
    ],
  ] as [Partial<GateFacts>, string][])("block %o with %s", (change, expected) => {
    expect(missingForPublish({ ...ready, ...change })).toEqual([expected]);
  });

  it("list everything missing at once, in a sentence", () => {
    const missing = missingForPublish({ ...ready, standfirst: "", sectionId: null, heroImageUrl: "/x.jpg" });
    expect(missing).toEqual(["a standfirst", "a section", "a hero image credit", "hero image alt text"]);
    expect(gateMessage(missing)).toBe(
      "This article cannot be published yet. Missing: a standfirst, a section, a hero image credit, hero image alt text.",
    );
  });

  it("a legal sign-off unblocks a legal review", () => {
    expect(missingForPublish({ ...ready, legalReviewRequired: true, legalSignedOffAt: new Date() })).toEqual([]);
  });

  it("unresolved comments block only when the editor holds publishing for them", () => {
    expect(missingForPublish({ ...ready, openCommentThreads: 4 })).toEqual([]);
    expect(missingForPublish({ ...ready, holdForComments: true, openCommentThreads: 0 })).toEqual([]);
  });

  it("an embargo blocks until its time", () => {
    const until = new Date("2026-12-01T09:00:00Z");
    expect(embargoProblem({ embargoedUntil: until }, new Date("2026-12-01T08:59:59Z"))).toEqual(until);
    expect(embargoProblem({ embargoedUntil: until }, new Date("2026-12-01T09:00:00Z"))).toBeNull();
    expect(embargoProblem({ embargoedUntil: null }, new Date())).toBeNull();
  });
});
