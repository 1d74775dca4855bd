import { describe, expect, it } from "vitest";
import { parseEmbedUrl } from "./embed";

describe("embed URLs", () => {
  it.each([
    ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", { provider: "youtube", id: "dQw4w9WgXcQ" }],
    ["https://youtu.be/dQw4w9WgXcQ", { provider: "youtube", id: "dQw4w9WgXcQ" }],
    ["https://vimeo.com/76979871", { provider: "vimeo", id: "76979871" }],
    ["https://x.com/nasa/status/1790000000000000000", { provider: "x", id: "nasa/status/1790000000000000000" }],
    ["https://twitter.com/nasa/status/1790000000000000000", { provider: "x", id: "nasa/status/1790000000000000000" }],
    [
      "https://bsky.app/profile/news.example.com/post/3kabc12345",
      { provider: "bluesky", id: "news.example.com/post/3kabc12345" },
    ],
  ])("%s", (url, expected) => {
    expect(parseEmbedUrl(url)).toEqual(expected);
  });

  it.each([
    "https://evil.example/watch?v=dQw4w9WgXcQ",
    "javascript:alert(1)",
    "https://youtube.com/watch?v=short",
    "not a url",
  ])("refuses %s", (url) => {
    expect(parseEmbedUrl(url)).toBeNull();
  });
});
