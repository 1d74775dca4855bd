import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signatureHeader, verifySignature } from "./signature";

describe("webhook signatures", () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ id: "e1", type: "story.published" });
  const at = new Date("2026-12-02T12:00:00Z");

  it("are HMAC-SHA256 of the time and the body, as a receiver recomputes them", () => {
    const header = signatureHeader(secret, body, at);
    const t = Math.floor(at.getTime() / 1000);
    expect(header).toBe(`t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`);
    expect(verifySignature(secret, body, header, at)).toBe(true);
  });

  it("fail for another secret, another body, an old time or a mangled header", () => {
    const header = signatureHeader(secret, body, at);
    expect(verifySignature(newWebhookSecret(), body, header, at)).toBe(false);
    expect(verifySignature(secret, body.replace("e1", "e2"), header, at)).toBe(false);
    expect(verifySignature(secret, body, header, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifySignature(secret, body, "t=abc,v1=00", at)).toBe(false);
    expect(verifySignature(secret, body, "", at)).toBe(false);
  });

  it("secrets are new every time", () => {
    expect(newWebhookSecret()).not.toBe(newWebhookSecret());
    expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });
});
