import { describe, expect, it } from "vitest";
import { parsePageParam } from "./site";

describe("page numbers in addresses", () => {
  it("accepts 1 to 10000 written plainly", () => {
    expect(parsePageParam(undefined)).toBe(1);
    expect(parsePageParam("2")).toBe(2);
    expect(parsePageParam("10000")).toBe(10000);
  });
  it.each(["0", "-1", "01", "1.5", "1e3", "abc", "", " 2", "10001", "99999999999999999999"])("refuses %j", (value) => {
    expect(parsePageParam(value)).toBeNull();
  });
});
