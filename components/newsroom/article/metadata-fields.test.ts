import { describe, expect, it } from "vitest";
import { tagSuggestions } from "./metadata-fields";

describe("tag suggestions", () => {
  const known = ["Harbour", "Cycling", "Council"];
  it("offers every known tag for an empty field", () => {
    expect(tagSuggestions("", known)).toEqual(known);
  });
  it("leaves out tags already typed, whatever their case, and completes the last one", () => {
    expect(tagSuggestions("harbour, Cyc", known)).toEqual(["harbour, Cycling", "harbour, Council"]);
    expect(tagSuggestions("Harbour, cycling,", known)).toEqual(["Harbour, cycling, Council"]);
  });
});
