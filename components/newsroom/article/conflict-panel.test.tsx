// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { paragraphs } from "@/lib/content/document";
import type { ArticleDraft } from "./article-draft";
import { ConflictPanel } from "./conflict-panel";

const theirArticle = {
  id: "01a23128-2437-70fc-83e8-526784b09260",
  version: 7,
  slug: "harbour-vote",
  headline: "Their headline",
  standfirst: "",
  sectionId: null,
  body: paragraphs(["Shared opening.", "Only theirs."]),
  heroImageUrl: null,
  heroImageCaption: null,
  heroImageCredit: null,
  heroImageAlt: null,
  seoTitle: null,
  seoDescription: null,
  targetWords: null,
  language: null,
  publishedAt: null,
  byline: [],
  tags: [],
  updatedBy: { displayName: "Eddie Editor" },
};
// One client for the page's life, as the real provider gives.
const client = { article: { get: { query: () => Promise.resolve(theirArticle) } } };
vi.mock("@/trpc/client", () => ({ useTRPCClient: () => client }));

const mine = (headline: string): ArticleDraft => ({
  heroImageUrl: "",
  headline,
  standfirst: "",
  sectionId: "",
  body: paragraphs(["Shared opening."]),
  heroImageCaption: "",
  heroImageCredit: "",
  heroImageAlt: "",
  slug: "harbour-vote",
  authorIds: [],
  tags: "",
  seoTitle: "",
  seoDescription: "",
  targetWords: "",
  language: "",
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe("the conflict panel while the writer keeps typing", () => {
  it("compares once typing pauses, and copies into the text as it is now", async () => {
    const onChangeMine = vi.fn<(draft: ArticleDraft) => void>();
    const props = { articleId: theirArticle.id, onChangeMine, onKeepMine: vi.fn(), onTakeTheirs: vi.fn() };
    const view = render(<ConflictPanel {...props} mine={mine("My headline")} />);
    await wait(0);
    const yours = () => screen.getByRole("region", { name: "Your version (not saved)" });
    expect(yours().textContent).toContain("My headline");

    // A key: the comparison still shows the text as of the last pause…
    view.rerender(<ConflictPanel {...props} mine={mine("My headline, typed on")} />);
    await wait(100);
    expect(yours().textContent).not.toContain("typed on");
    // …and follows 300 ms after the last key.
    await wait(200);
    expect(yours().textContent).toContain("My headline, typed on");

    // Copying their paragraph while a key has not been compared yet keeps that key.
    view.rerender(<ConflictPanel {...props} mine={mine("My headline, typed on and on")} />);
    const theirs = screen.getByRole("region", { name: "Saved by Eddie Editor" });
    fireEvent.click(within(theirs).getByRole("button", { name: "Copy paragraph 2 to mine" }));
    expect(onChangeMine).toHaveBeenCalledWith(
      expect.objectContaining({
        headline: "My headline, typed on and on",
        body: paragraphs(["Shared opening.", "Only theirs."]),
      }),
    );
  });
});
