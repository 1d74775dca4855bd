import { describe, expect, it } from "vitest";
import { findInvalidText } from "./text-safety";

describe("findInvalidText", () => {
  it.each([
    ["plain text", "Ferry strike called off"],
    ["every script and emoji", "Россия · العالم العربي · 中文 · 🙂👩🏽‍💻"],
    ["tabs and newlines", "a\tb\nc\r\n"],
  ])("accepts %s", (_name, text) => {
    expect(findInvalidText({ headline: text, tags: [text] })).toBeNull();
  });

  it("finds a NUL anywhere, with where it is", () => {
    expect(findInvalidText({ headline: "ok", body: { content: [{ text: "a\u0000b" }] } })).toEqual({
      path: ["body", "content", 0, "text"],
      message: "Text may not contain the NUL character (\\0). Remove it and try again.",
    });
    expect(findInvalidText("\u0000")?.path).toEqual([]);
    expect(findInvalidText({ ["bad\u0000key"]: 1 })?.path).toEqual(["bad\u0000key"]);
  });

  it("finds half of a surrogate pair, at the start, middle or end", () => {
    for (const text of ["\uD83D", "a\uD83Db", "\uDE42x", "x\uDE42", "🙂\uD83D"]) {
      expect(findInvalidText({ bio: text })?.message, JSON.stringify(text)).toContain("broken character");
    }
  });

  it("walks a 100,000-deep value without overflowing the stack", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i += 1) deep = { content: [deep] };
    expect(findInvalidText(deep)?.path).toHaveLength(200_000);
  });
});
