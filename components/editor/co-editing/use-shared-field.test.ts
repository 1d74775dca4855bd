import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mapThroughDelta } from "./use-shared-field";

/** The delta a remote change to `text` makes, as the field's observer sees it. */
function deltaOf(initial: string, change: (text: Y.Text) => void): Y.YTextEvent["delta"] {
  const doc = new Y.Doc();
  const text = doc.getText("t");
  text.insert(0, initial);
  let delta: Y.YTextEvent["delta"] = [];
  text.observe((event) => {
    delta = event.delta;
  });
  change(text);
  return delta;
}

describe("a caret in a shared field while someone else types", () => {
  const headline = "Harbour vote passes";
  it("moves right by what was inserted before it", () => {
    const delta = deltaOf(headline, (t) => t.insert(0, "Breaking: "));
    expect(mapThroughDelta(7, delta)).toBe(17);
  });
  it("stays put for an insert after it, and for one exactly at it", () => {
    expect(
      mapThroughDelta(
        7,
        deltaOf(headline, (t) => t.insert(12, "narrowly ")),
      ),
    ).toBe(7);
    expect(
      mapThroughDelta(
        7,
        deltaOf(headline, (t) => t.insert(7, "X")),
      ),
    ).toBe(7);
  });
  it("moves left by what was deleted before it, and to the deletion's start when inside it", () => {
    expect(
      mapThroughDelta(
        13,
        deltaOf(headline, (t) => t.delete(0, 8)),
      ),
    ).toBe(5);
    expect(
      mapThroughDelta(
        10,
        deltaOf(headline, (t) => t.delete(8, 5)),
      ),
    ).toBe(8);
  });
  it("follows several changes in one update", () => {
    const delta = deltaOf(headline, (t) => {
      t.doc?.transact(() => {
        t.delete(0, 8); // "Harbour "
        t.insert(0, "Ferry ");
        t.insert(t.length, " today");
      });
    });
    // The caret before "passes" (at 13) is now before "passes" in "Ferry vote passes today".
    expect(mapThroughDelta(13, delta)).toBe(11);
  });
});
