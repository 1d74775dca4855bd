import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EVERYTHING } from "@/tests/content";
import * as Y from "yjs";
import type { ContentDocument } from "./document";
import { convertMarkdown } from "./markdown";
import { isUnseeded, readSharedDoc, seedSharedDoc, SHARED, writeSharedDoc } from "./shared-doc";
import { validateDocument } from "./validate";

const WITH_CODE: ContentDocument = {
  type: "doc",
  content: [
    ...(EVERYTHING.content ?? []),
    { type: "codeBlock", attrs: { language: "js" }, content: [{ type: "text", text: "const a = 1;\n  run(a);" }] },
  ],
};

function roundTrip(body: ContentDocument) {
  const doc = new Y.Doc();
  expect(isUnseeded(doc)).toBe(true);
  seedSharedDoc(doc, { headline: "Harbour vote", standfirst: "What it means", body });
  expect(isUnseeded(doc)).toBe(false);
  // Through the wire format, as a client receives it.
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return readSharedDoc(copy);
}

describe("the shared (Yjs) form of an article", () => {
  it("carries every node, mark and attribute of the schema there and back unchanged", () => {
    const expected = validateDocument(WITH_CODE);
    if (!expected.ok) throw new Error(expected.error);
    const read = roundTrip(WITH_CODE);
    if (!read.ok) throw new Error(read.error);
    expect(read.body.document).toEqual(expected.document);
    expect(read.body.text).toBe(expected.text);
    expect([read.headline, read.standfirst]).toEqual(["Harbour vote", "What it means"]);
  });

  it("carries the sample story there and back unchanged", () => {
    const { document } = convertMarkdown(readFileSync("prisma/seed/sample-article.md", "utf8"));
    const expected = validateDocument(document);
    if (!expected.ok) throw new Error(expected.error);
    const read = roundTrip(expected.document);
    expect(read.ok && read.body.document).toEqual(expected.document);
  });

  it("merges two people's concurrent typing into one valid body", () => {
    const a = new Y.Doc();
    seedSharedDoc(a, { headline: "H", standfirst: "", body: { type: "doc", content: [{ type: "paragraph" }] } });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const paragraphOf = (doc: Y.Doc) => doc.getXmlFragment(SHARED.body).get(0) as Y.XmlElement;
    const textIn = (doc: Y.Doc) => {
      const p = paragraphOf(doc);
      if (p.length === 0) p.insert(0, [new Y.XmlText()]);
      return p.get(0) as Y.XmlText;
    };
    textIn(a).insert(0, "Alpha ");
    textIn(b).insert(0, "Beta ");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const [ra, rb] = [readSharedDoc(a), readSharedDoc(b)];
    expect(ra.ok && rb.ok).toBe(true);
    expect(ra).toEqual(rb);
  });

  it("reports a body the schema does not allow instead of storing it", () => {
    const doc = new Y.Doc();
    doc.getXmlFragment(SHARED.body).insert(0, [new Y.XmlElement("script")]);
    const read = readSharedDoc(doc);
    expect(read.ok).toBe(false);
    const link = new Y.Doc();
    seedSharedDoc(link, {
      headline: "",
      standfirst: "",
      body: {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "bold" }] }] }],
      },
    });
    const text = (link.getXmlFragment(SHARED.body).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.format(0, 1, { link: { href: "javascript:alert(1)" } });
    expect(readSharedDoc(link).ok).toBe(false);
  });
});

describe("a save made outside co-editing", () => {
  const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
  it("brings the shared document to the saved text, and merges with what co-editors typed meanwhile", () => {
    const server = new Y.Doc();
    seedSharedDoc(server, {
      headline: "Harbour vote",
      standfirst: "",
      body: { type: "doc", content: [p("First paragraph."), p("Second paragraph.")] },
    });
    // A co-editor's copy, with typing the server has not seen yet.
    const coEditor = new Y.Doc();
    Y.applyUpdate(coEditor, Y.encodeStateAsUpdate(server));
    const second = (coEditor.getXmlFragment(SHARED.body).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    second.insert(second.length, " Typed live.");
    // The save: the first paragraph changed and the headline too.
    const saved: ContentDocument = { type: "doc", content: [p("First paragraph, edited."), p("Second paragraph.")] };
    const expected = validateDocument(saved);
    if (!expected.ok) throw new Error(expected.error);
    writeSharedDoc(server, { headline: "Harbour vote passes", standfirst: "Now", body: saved });
    const read = readSharedDoc(server);
    expect(read.ok && [read.headline, read.standfirst, read.body.document]).toEqual([
      "Harbour vote passes",
      "Now",
      expected.document,
    ]);
    // Merged both ways: neither side's words are lost.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(coEditor));
    Y.applyUpdate(coEditor, Y.encodeStateAsUpdate(server));
    const merged = readSharedDoc(server);
    expect(merged.ok && merged.body.text).toBe("First paragraph, edited.\n\nSecond paragraph. Typed live.");
    expect(readSharedDoc(coEditor)).toEqual(merged);
  });
});
