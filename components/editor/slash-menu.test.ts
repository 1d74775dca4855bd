import { describe, expect, it } from "vitest";
import { filterInsertMenu } from "./slash-menu";

describe("the / menu's filter", () => {
  it("keeps the blocks whose name holds what was typed, in any case, in the menu's order", () => {
    expect(filterInsertMenu("").map((item) => item.label)).toHaveLength(10);
    expect(filterInsertMenu("HEAD").map((item) => item.label)).toEqual(["Heading 2", "Heading 3"]);
    expect(filterInsertMenu(" quote ").map((item) => item.label)).toEqual(["Quote", "Pull quote"]);
    expect(filterInsertMenu("list").map((item) => item.label)).toEqual(["Bulleted list", "Numbered list"]);
    expect(filterInsertMenu("zzz")).toEqual([]);
  });
});
