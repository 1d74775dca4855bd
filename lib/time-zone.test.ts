import { describe, expect, it } from "vitest";
import {
  formatDuration,
  formatInZone,
  formatTimeInZone,
  fromZonedInput,
  isTimeZone,
  startOfDayIn,
  toZonedInput,
} from "./time-zone";

describe("newsroom time zone", () => {
  it("converts wall time in a zone to UTC and back, across daylight saving", () => {
    expect(fromZonedInput("2026-07-01T09:30", "Europe/London")?.toISOString()).toBe("2026-07-01T08:30:00.000Z");
    expect(fromZonedInput("2026-12-01T09:30", "Europe/London")?.toISOString()).toBe("2026-12-01T09:30:00.000Z");
    expect(fromZonedInput("2026-12-01T09:30", "America/New_York")?.toISOString()).toBe("2026-12-01T14:30:00.000Z");
    expect(fromZonedInput("2026-12-01T09:30", "Asia/Kolkata")?.toISOString()).toBe("2026-12-01T04:00:00.000Z");
    expect(fromZonedInput("2026-12-01T09:30", "UTC")?.toISOString()).toBe("2026-12-01T09:30:00.000Z");
    const instant = new Date("2026-07-01T08:30:00Z");
    expect(toZonedInput(instant, "Europe/London")).toBe("2026-07-01T09:30");
  });

  it("refuses malformed values and wall times skipped by the clocks going forward", () => {
    for (const bad of [
      "",
      "2026-13-01T09:00",
      "2026-02-30T09:00",
      "2026-01-01 09:00",
      "2026-01-01T24:00",
      "tomorrow",
    ]) {
      expect(fromZonedInput(bad, "UTC")).toBeNull();
    }
    expect(fromZonedInput("2026-03-29T01:30", "Europe/London")).toBeNull();
  });

  it("formats with the zone's abbreviation", () => {
    expect(formatInZone(new Date("2026-11-26T14:30:00Z"), "UTC")).toBe("26 Nov 2026, 14:30 UTC");
    expect(formatInZone(new Date("2026-07-01T08:30:00Z"), "Europe/London")).toBe("1 Jul 2026, 09:30 BST");
  });

  it("knows real zones", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });

  it("describes waiting times", () => {
    expect(formatDuration(45 * 60000)).toBe("45 min");
    expect(formatDuration(192 * 60000)).toBe("3 h 12 min");
    expect(formatDuration(3 * 24 * 3600000)).toBe("3 days");
  });
});

describe("days and times on the newsroom's clock", () => {
  it("starts a day at its midnight, or its first hour when a clock change skips midnight", () => {
    expect(startOfDayIn("2026-12-02", "Europe/Berlin")?.toISOString()).toBe("2026-12-01T23:00:00.000Z");
    // Santiago moved its clocks forward at midnight on 6 September 2026: the day starts at 01:00.
    expect(startOfDayIn("2026-09-06", "America/Santiago")?.toISOString()).toBe("2026-09-06T04:00:00.000Z");
    expect(startOfDayIn("2026-02-30", "UTC")).toBeNull();
  });

  it("says a time of day in the zone", () => {
    expect(formatTimeInZone(new Date("2026-12-02T07:05:00Z"), "Europe/Berlin")).toBe("08:05");
  });
});
