import { describe, expect, it } from "vitest";
import { crossSiteProblem, refuseCrossSite } from "./same-origin";

const SITE = "https://news.example.com";
const problem = (headers: Record<string, string>) => crossSiteProblem(new Headers(headers), SITE);

describe("cross-site writes", () => {
  it("are taken when Origin names the site", () => {
    expect(problem({ origin: SITE })).toBeNull();
  });

  it("are refused when Origin names anything else, whatever the other headers say", () => {
    for (const origin of [
      "http://evil.example",
      "https://news.example.com.evil.example",
      "http://news.example.com",
      "null",
    ]) {
      expect(problem({ origin, "sec-fetch-site": "same-origin", referer: `${SITE}/newsroom` }), origin).toMatch(
        /may not change anything/,
      );
    }
  });

  it("without Origin, go by Sec-Fetch-Site, then by Referer", () => {
    expect(problem({ "sec-fetch-site": "same-origin" })).toBeNull();
    for (const site of ["same-site", "cross-site", "none"]) expect(problem({ "sec-fetch-site": site })).not.toBeNull();
    expect(problem({ referer: `${SITE}/newsroom/articles/1` })).toBeNull();
    expect(problem({ referer: "https://evil.example/news.example.com" })).not.toBeNull();
    expect(problem({ referer: "not a url" })).not.toBeNull();
  });

  it("with no sign of where it came from, are refused with a message saying what to send", () => {
    expect(problem({})).toBe("Say where this request comes from: send an Origin header naming this site.");
  });

  it("only writes are checked", async () => {
    const get = new Request(`${SITE}/api/trpc/site.home`, { headers: { origin: "http://evil.example" } });
    expect(refuseCrossSite(get)).toBeNull();
    const post = new Request(`${SITE}/api/trpc/notification.markRead`, {
      method: "POST",
      headers: { origin: "http://evil.example" },
    });
    const refused = refuseCrossSite(post);
    expect(refused?.status).toBe(403);
    expect(await refused?.json()).toEqual({
      error: { message: "Requests from http://evil.example may not change anything here.", code: "FORBIDDEN" },
    });
  });
});
