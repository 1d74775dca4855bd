import { describe, expect, it } from "vitest";
import { addDays, formatDay, isDay, mondayOf, todayIn } from "./budget";

describe("budget days", () => {
  it("steps across months, years and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-12-02", -7)).toBe("2026-11-25");
  });

  it("finds the week's Monday, Monday and Sunday included", () => {
    expect(mondayOf("2026-12-02")).toBe("2026-11-30");
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(mondayOf("2026-12-06")).toBe("2026-11-30");
  });

  it("knows days that do not exist", () => {
    expect(isDay("2026-02-28")).toBe(true);
    expect(isDay("2026-02-30")).toBe(false);
    expect(isDay("26-02-01")).toBe(false);
  });

  it("reads today on the newsroom's clock, not the server's", () => {
    const late = new Date("2026-12-01T23:30:00Z");
    expect(todayIn(late, "UTC")).toBe("2026-12-01");
    expect(todayIn(late, "Europe/Berlin")).toBe("2026-12-02");
    expect(todayIn(late, "America/New_York")).toBe("2026-12-01");
  });

  it("names a day", () => {
    expect(formatDay("2026-12-02")).toBe("Wednesday 2 December 2026");
    expect(formatDay("2026-12-02", "short")).toBe("Wed 2 Dec");
  });
});
