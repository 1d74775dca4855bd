import { describe, expect, it } from "vitest";
import { everySection, offeredSections } from "./sections";

const all = [
  { id: "a", name: "World", retired: false },
  { id: "b", name: "Sport", retired: true },
  { id: "c", name: "Culture", retired: false },
];

describe("the sections a picker offers", () => {
  it("leaves retired sections out, except the one already chosen, marked", () => {
    expect(offeredSections(all, null)).toEqual([
      { id: "a", name: "World" },
      { id: "c", name: "Culture" },
    ]);
    expect(offeredSections(all, "b")).toEqual([
      { id: "a", name: "World" },
      { id: "b", name: "Sport (retired)" },
      { id: "c", name: "Culture" },
    ]);
  });

  it("offers every section for finding stories, retired ones marked", () => {
    expect(everySection(all).map((s) => s.name)).toEqual(["World", "Sport (retired)", "Culture"]);
  });
});
