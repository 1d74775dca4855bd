import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "./json-ld";

describe("JSON-LD", () => {
  it("cannot be closed by what an author typed, and still parses to the same data", () => {
    const data = {
      "@context": "https://schema.org" as const,
      "@type": "Thing" as const,
      name: "</script><script>alert(1)</script>\u2028",
    };
    const out = serializeJsonLd(data);
    expect(out).not.toContain("</script");
    expect(out).not.toContain("<");
    expect(JSON.parse(out)).toEqual(data);
  });
});
