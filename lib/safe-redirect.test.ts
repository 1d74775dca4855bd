import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/newsroom/articles/new", "/newsroom/articles/new"],
    ["/newsroom?tab=review", "/newsroom?tab=review"],
    ["/newsroom/./articles/../media", "/newsroom/media"],
    [undefined, "/newsroom"],
    ["", "/newsroom"],
    ["https://evil.example/", "/newsroom"],
    ["//evil.example/path", "/newsroom"],
    ["/\\evil.example", "/newsroom"],
    ["javascript:alert(1)", "/newsroom"],
    // Paths that resolve to "//host": a browser would leave the site.
    ["/.//evil.example", "/newsroom"],
    ["/..//evil.example", "/newsroom"],
    ["/%2e//evil.example", "/newsroom"],
    ["/%2E%2E//evil.example", "/newsroom"],
    ["/./\\evil.example", "/newsroom"],
    ["/.\\/evil.example", "/newsroom"],
    ["/\t/evil.example", "/newsroom"],
    ["/\n/evil.example", "/newsroom"],
    ["/newsroom/..//evil.example", "/newsroom"],
  ])("%j → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it("never returns anything a browser would resolve to another host", () => {
    const hostile = ["/.//a.example", "/%2e%2e//a.example", "/./\\a.example", "/\t\\a.example", "/.%2f/a.example"];
    for (const value of hostile) {
      const target = new URL(safeCallbackPath(value), "https://newsroom.example");
      expect(target.host, value).toBe("newsroom.example");
    }
  });
});
