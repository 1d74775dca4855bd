import { describe, expect, it } from "vitest";
import { htmlNestedDeeperThan, MAX_PASTE_DEPTH } from "./paste";

describe("pasted HTML depth", () => {
  it("counts open elements, not void ones or closed ones", () => {
    expect(htmlNestedDeeperThan("<p>a<br>b<img src=x></p><p><b>c</b></p>", 2)).toBe(false);
    expect(htmlNestedDeeperThan("<div><p><b>c</b></p></div>", 2)).toBe(true);
    expect(htmlNestedDeeperThan("<div/><div/><div/>", 1)).toBe(false);
    // An unmatched closing tag closes nothing it does not name.
    expect(htmlNestedDeeperThan("<div><p></span></p></div>", 2)).toBe(false);
  });

  it("finds hostile depth in one pass, without recursion", () => {
    const deep = "<blockquote>".repeat(200_000) + "x";
    expect(htmlNestedDeeperThan(deep, MAX_PASTE_DEPTH)).toBe(true);
    const wide = "<p>word</p>".repeat(200_000);
    expect(htmlNestedDeeperThan(wide, MAX_PASTE_DEPTH)).toBe(false);
    // Tags that never close cannot make the scan quadratic.
    expect(htmlNestedDeeperThan("<a".repeat(500_000), MAX_PASTE_DEPTH)).toBe(false);
  });
});
