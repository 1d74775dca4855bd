// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { normalizePastedHtml } from "./paste";

describe("pasted HTML brought to the body's schema", () => {
  it("maps h1 to h2 and h4-h6 to h3, keeping what is inside", () => {
    expect(normalizePastedHtml('<h1 dir="ltr"><span>Title</span></h1><h4>Small</h4><h6>Tiny</h6><h2>Kept</h2>')).toBe(
      "<h2><span>Title</span></h2><h3>Small</h3><h3>Tiny</h3><h2>Kept</h2>",
    );
  });

  it("turns table cells into paragraphs in reading order, unwrapping cells that hold blocks", () => {
    expect(
      normalizePastedHtml(
        "<p>Before</p><table><tbody><tr><td>cell 1</td><td>cell <b>2</b></td><td> </td></tr>" +
          '<tr><td><p dir="ltr">cell 3</p><p>more</p></td></tr></tbody></table><p>After</p>',
      ),
    ).toBe('<p>Before</p><p>cell 1</p><p>cell <b>2</b></p><p dir="ltr">cell 3</p><p>more</p><p>After</p>');
  });

  it("flattens a table inside a cell too", () => {
    expect(
      normalizePastedHtml("<table><tr><td><table><tr><td>inner</td></tr></table></td><td>outer</td></tr></table>"),
    ).toBe("<p>inner</p><p>outer</p>");
  });

  it("leaves pre as it is (a code block)", () => {
    expect(normalizePastedHtml("<pre>line 1\n  line 2</pre>")).toBe("<pre>line 1\n  line 2</pre>");
  });
});
