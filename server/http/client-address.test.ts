import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "./client-address";

describe("trusted proxies setting", () => {
  it("reads none, a count of hops and a list of addresses", () => {
    expect(parseTrustedProxies(undefined)).toEqual({ kind: "none" });
    expect(parseTrustedProxies(" ")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("0")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parseTrustedProxies("127.0.0.1, ::1,::ffff:10.0.0.5")).toEqual({
      kind: "addresses",
      addresses: new Set(["127.0.0.1", "::1", "10.0.0.5"]),
    });
  });

  it("refuses what it cannot understand, naming it", () => {
    expect(() => parseTrustedProxies("loadbalancer")).toThrow(/"loadbalancer" is neither/);
    expect(() => parseTrustedProxies("127.0.0.1, nginx")).toThrow(/"nginx"/);
    expect(() => parseTrustedProxies("1000")).toThrow(/at most 20 hops/);
  });
});

describe("the client's address", () => {
  const none = parseTrustedProxies("");
  const oneHop = parseTrustedProxies("1");
  const nginx = parseTrustedProxies("127.0.0.1");

  it("is the socket's peer when no proxy is trusted, whatever the headers say", () => {
    expect(clientAddress("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:127.0.0.1", undefined, none)).toBe("127.0.0.1");
    expect(clientAddress(undefined, undefined, none)).toBe("unknown");
  });

  it("behind one trusted hop, is the address that hop appended", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.9", oneHop)).toBe("203.0.113.9");
    // A client sending its own header only adds entries to the left of the real one.
    expect(clientAddress("127.0.0.1", "6.6.6.6, 203.0.113.9", oneHop)).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", ["6.6.6.6", "203.0.113.9"], oneHop)).toBe("203.0.113.9");
    // No header from the proxy: the proxy itself is all we know.
    expect(clientAddress("127.0.0.1", undefined, oneHop)).toBe("127.0.0.1");
  });

  it("with a list of proxies, walks past them only", () => {
    expect(clientAddress("127.0.0.1", "6.6.6.6, 203.0.113.9", nginx)).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", "203.0.113.9, 127.0.0.1", nginx)).toBe("203.0.113.9");
    // A direct connection from elsewhere is not a proxy: its header is not believed.
    expect(clientAddress("198.51.100.7", "1.2.3.4", nginx)).toBe("198.51.100.7");
  });

  it("stops at an entry that is not an address", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.9, not-an-address", oneHop)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "unknown", nginx)).toBe("127.0.0.1");
  });
});
