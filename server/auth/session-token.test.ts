import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionToken as readFrom, sessionCookieName } from "./session-token";

/** The cookies of a request, given as a Map. */
const readSessionToken = (cookies: Map<string, string>, secret: string) =>
  readFrom({ getAll: () => [...cookies].map(([name, value]) => ({ name, value })) }, secret);

const SECRET = "a test secret that is long enough 0123456789";
const USER = "7d0c1a5e-1b7e-4c2f-9a51-3f0f3c7f5b10";
const SESSION = "8a4e3f5c2b1d4e6f8a9b0c1d2e3f4a5b";

// The token next-auth's sign-in puts in the cookie (the jwt callback adds the session id).
const signedIn = (maxAge = 3600, secret = SECRET) =>
  encode({ token: { sub: USER, sid: SESSION, email: "ann@example.com" }, secret, maxAge });

describe("readSessionToken", () => {
  it("reads the user and session ids from a cookie next-auth made", async () => {
    const cookies = new Map([[sessionCookieName(), await signedIn()]]);
    expect(await readSessionToken(cookies, SECRET)).toEqual({ userId: USER, sessionId: SESSION });
  });

  it("joins a token next-auth split into numbered cookies", async () => {
    const token = await signedIn();
    const name = sessionCookieName();
    const cookies = new Map([
      [`${name}.0`, token.slice(0, 100)],
      [`${name}.1`, token.slice(100)],
    ]);
    expect(await readSessionToken(cookies, SECRET)).toEqual({ userId: USER, sessionId: SESSION });
  });

  it("refuses an expired token, one made with another secret, a damaged one and none at all", async () => {
    const none = { userId: null, sessionId: null };
    const name = sessionCookieName();
    expect(await readSessionToken(new Map([[name, await signedIn(-60)]]), SECRET)).toEqual(none);
    expect(await readSessionToken(new Map([[name, await signedIn(3600, `${SECRET}-other`)]]), SECRET)).toEqual(none);
    const token = await signedIn();
    const damaged = `${token.slice(0, -5)}${token.slice(-5) === "AAAAA" ? "BBBBB" : "AAAAA"}`;
    expect(await readSessionToken(new Map([[name, damaged]]), SECRET)).toEqual(none);
    expect(await readSessionToken(new Map([[name, "not a token"]]), SECRET)).toEqual(none);
    expect(await readSessionToken(new Map(), SECRET)).toEqual(none);
    // A cookie under another name is not the session.
    expect(await readSessionToken(new Map([["other", token]]), SECRET)).toEqual(none);
  });

  it("uses next-auth's secure cookie name when the site is served over https", () => {
    expect(sessionCookieName("https://news.example.com")).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieName("http://localhost:3000")).toBe("next-auth.session-token");
  });
});
