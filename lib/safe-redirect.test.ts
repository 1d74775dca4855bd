import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/newsroom/articles/new", "/newsroom/articles/new"],
    ["/newsroom?tab=review", "/newsroom?tab=review"],
    [undefined, "/newsroom"],
    ["https://evil.example/", "/newsroom"],
    ["//evil.example/path", "/newsroom"],
    ["/\\evil.example", "/newsroom"],
    ["javascript:alert(1)", "/newsroom"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
