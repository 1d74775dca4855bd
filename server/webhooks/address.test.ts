import { describe, expect, it } from "vitest";
import { isPrivateAddress, privateTargetProblem, urlProblem } from "./address";

describe("which addresses a webhook may not reach", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.255.1.2", true],
    ["10.0.0.8", true],
    ["172.16.0.1", true],
    ["172.31.255.255", true],
    ["172.32.0.1", false],
    ["192.168.1.10", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["::1", true],
    ["::", true],
    ["fe80::1", true],
    ["fd12:3456::1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:10.1.2.3", true],
    ["93.184.215.14", false],
    ["8.8.8.8", false],
    ["2606:4700:4700::1111", false],
    ["not an address", true],
  ])("%s private: %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it("refuses what is not a plain web address", () => {
    expect(urlProblem("https://partner.example/hooks")).toBeNull();
    expect(urlProblem("http://partner.example:8080/hooks?x=1")).toBeNull();
    expect(urlProblem("javascript:alert(1)")).toMatch(/starts with https/);
    expect(urlProblem("file:///etc/passwd")).toMatch(/starts with https/);
    expect(urlProblem("https://a:b@partner.example/")).toMatch(/no user name/);
    expect(urlProblem("partner.example/hooks")).toMatch(/not a web address/);
  });

  it("checks every address a literal or a name stands for, unless private ones are allowed", async () => {
    expect(await privateTargetProblem("http://[::1]:8080/h", false)).toMatch(/private network/);
    expect(await privateTargetProblem("http://localhost:8080/h", false)).toMatch(
      /private network \((127\.0\.0\.1|::1)\)/,
    );
    expect(await privateTargetProblem("http://93.184.215.14/h", false)).toBeNull();
    expect(await privateTargetProblem("http://127.0.0.1:8080/h", true)).toBeNull();
    expect(await privateTargetProblem("http://no-such-host.invalid/h", false)).toMatch(/does not resolve/);
  });
});
