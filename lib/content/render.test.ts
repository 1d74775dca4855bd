import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ContentDocument } from "./document";
import { renderDocument } from "./render";
import { EVERYTHING, t } from "@/tests/content";
import { validateDocument } from "./validate";

const html = (doc: ContentDocument) => renderToStaticMarkup(createElement(Fragment, null, renderDocument(doc)));
describe("server rendering", () => {
  it("accepts a document with every node and mark", () => {
    const result = validateDocument(EVERYTHING);
    expect(result.ok ? "ok" : result.error).toBe("ok");
  });

  it("renders every node and mark", () => {
    const out = html(EVERYTHING);
    for (const fragment of [
      "<h2>Section heading</h2>",
      "<h3>Sub heading</h3>",
      "<strong>bold</strong>",
      "<em>italic</em>",
      "<s>struck</s>",
      '<a rel="noopener noreferrer nofollow" href="https://example.com/a">link</a>',
      "<br/>",
      "<ul><li><p>bullet</p></li></ul>",
      '<ol start="3"><li><p>numbered</p></li></ol>',
      "<blockquote><p>quoted</p></blockquote>",
      "<hr/>",
      '<figure data-type="pull-quote" class="pull-quote"><blockquote>Russia is open to reviewing all agreements</blockquote><figcaption>Sergei Lavrov</figcaption></figure>',
      'src="/media/sample-hero.jpg" alt="Two ministers"',
      '<source type="image/avif" srcset="/media/sample-hero-480.avif 480w, /media/sample-hero-960.avif 960w, /media/sample-hero.jpg 1600w"',
      '<source type="image/webp" srcset="/media/sample-hero-480.webp 480w, /media/sample-hero-960.webp 960w, /media/sample-hero.jpg 1600w"',
      '<span class="figure-caption">The press conference</span><span class="figure-credit">Photo: AP</span>',
      'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"',
      'class="callout callout-factbox" aria-label="Fact box"',
      "<p>Tartus is a naval base.</p>",
    ]) {
      expect(out).toContain(fragment);
    }
    expect(out).not.toContain("<iframe");
    expect(out).not.toContain("<script");
  });

  it("keeps text that looks like markup as text", () => {
    const out = html({
      type: "doc",
      content: [
        { type: "paragraph", content: [t('<script>alert(1)</script><img src=x onerror="alert(2)">')] },
        { type: "pullQuote", attrs: { attribution: "<b>x</b>" }, content: [t("<svg onload=alert(3)>")] },
        {
          type: "figure",
          attrs: {
            src: "/media/a.jpg",
            alt: '" onerror="alert(4)',
            caption: "<i>c</i>",
            credit: "</figcaption><script>",
            width: null,
            height: null,
          },
        },
      ],
    });
    expect(out).not.toMatch(/<script|<img src=x|<svg|<b>x|<i>c/);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain('alt="&quot; onerror=&quot;alert(4)"');
  });
});

describe("validation of newsroom blocks", () => {
  const withBlock = (block: Record<string, unknown>) => ({ type: "doc", content: [block] });
  it.each([
    [
      "figure outside the media library",
      { type: "figure", attrs: { src: "https://evil.example/x.jpg", alt: "a", caption: "", credit: "" } },
    ],
    [
      "figure with a javascript: src",
      { type: "figure", attrs: { src: "javascript:alert(1)", alt: "a", caption: "", credit: "" } },
    ],
    ["figure without alt text", { type: "figure", attrs: { src: "/media/a.jpg", alt: " ", caption: "", credit: "" } }],
    [
      "figure with a silly width",
      { type: "figure", attrs: { src: "/media/a.jpg", alt: "a", caption: "", credit: "", width: -4, height: 3 } },
    ],
    ["embed from an unknown provider", { type: "embed", attrs: { provider: "myspace", id: "x" } }],
    [
      "embed with an id that is not the provider's",
      { type: "embed", attrs: { provider: "youtube", id: "../../evil" } },
    ],
    ["callout of an unknown kind", { type: "callout", attrs: { kind: "ad" }, content: [{ type: "paragraph" }] }],
    [
      "pull quote with a huge attribution",
      { type: "pullQuote", attrs: { attribution: "x".repeat(201) }, content: [t("q")] },
    ],
    ["pull quote with marks", { type: "pullQuote", attrs: { attribution: "" }, content: [t("q", [{ type: "bold" }])] }],
    [
      "figure with content",
      { type: "figure", attrs: { src: "/media/a.jpg", alt: "a", caption: "", credit: "" }, content: [t("x")] },
    ],
  ])("refuses a %s", (_name, block) => {
    expect(validateDocument(withBlock(block)).ok).toBe(false);
  });
});

describe("open suggestions on the server", () => {
  it("render as the text reads before them: no proposed words, removals still there, no marks", () => {
    const id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b:mi2k3x4y:a1b2c3";
    const out = html({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "The " },
            { type: "text", text: "city ", marks: [{ type: "insertion", attrs: { id } }] },
            { type: "text", text: "council voted" },
            { type: "text", text: " seven to two", marks: [{ type: "deletion", attrs: { id } }] },
            { type: "text", text: "." },
          ],
        },
      ],
    });
    expect(out).toBe("<p>The council voted seven to two.</p>");
  });
});
