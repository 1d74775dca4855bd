import { describe, expect, it } from "vitest";
import { snippetParts } from "./public-search";

describe("search snippets", () => {
  it("splits PostgreSQL's marked headline into text parts, the matches flagged", () => {
    expect(snippetParts("Foreign Minister Sergei \u0002Lavrov\u0003 met \u0002Lavrov\u0003's team")).toEqual([
      { text: "Foreign Minister Sergei ", hit: false },
      { text: "Lavrov", hit: true },
      { text: " met ", hit: false },
      { text: "Lavrov", hit: true },
      { text: "'s team", hit: false },
    ]);
  });

  it("keeps markup-looking text as text", () => {
    expect(snippetParts("<b>\u0002x\u0003</b>")).toEqual([
      { text: "<b>", hit: false },
      { text: "x", hit: true },
      { text: "</b>", hit: false },
    ]);
  });
});
