import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("gives the same string for the same data in any key order, at any depth", () => {
    const fromDatabase = { content: [{ text: "Harbour", type: "text", marks: [{ type: "bold" }] }], type: "doc" };
    const fromEditor = { type: "doc", content: [{ type: "text", marks: [{ type: "bold" }], text: "Harbour" }] };
    expect(canonicalJson(fromDatabase)).toBe(canonicalJson(fromEditor));
  });

  it("still tells different data apart: values, array order, missing keys, null and absent", () => {
    const base = { a: 1, list: [1, 2], nested: { b: null } };
    expect(canonicalJson(base)).not.toBe(canonicalJson({ ...base, a: 2 }));
    expect(canonicalJson(base)).not.toBe(canonicalJson({ ...base, list: [2, 1] }));
    expect(canonicalJson(base)).not.toBe(canonicalJson({ a: 1, list: [1, 2] }));
    expect(canonicalJson(base)).not.toBe(canonicalJson({ ...base, nested: {} }));
    expect(canonicalJson("text")).toBe(JSON.stringify("text"));
  });
});
