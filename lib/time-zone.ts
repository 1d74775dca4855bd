// Dates are stored in UTC and shown and entered in the newsroom's time zone.

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Building a formatter costs far more than using one: one per zone, kept.
const wallFormats = new Map<string, Intl.DateTimeFormat>();

function wallFormat(zone: string): Intl.DateTimeFormat {
  let format = wallFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    // Zones are few (the newsroom's, UTC); a bound keeps a stream of odd ones from growing it.
    if (wallFormats.size < 64) wallFormats.set(zone, format);
  }
  return format;
}

function wallParts(date: Date, zone: string) {
  const parts = wallFormat(zone).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** How far the zone's wall clock is ahead of UTC at `date`, in milliseconds. */
function offsetMs(date: Date, zone: string): number {
  const p = wallParts(date, zone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallAsUtc - Math.floor(date.getTime() / 1000) * 1000;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * "2026-11-26T14:30" on the zone's wall clock to the UTC instant. Null for malformed input
 * or a wall time that does not exist (skipped by a daylight-saving change).
 */
export function fromZonedInput(value: string, zone: string): Date | null {
  const m = LOCAL_INPUT.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(guess);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  let instant = guess - offsetMs(new Date(guess), zone);
  instant = guess - offsetMs(new Date(instant), zone);
  const back = wallParts(new Date(instant), zone);
  if (back.hour !== hour || back.minute !== minute || back.day !== day) return null;
  return new Date(instant);
}

/** The UTC instant as "YYYY-MM-DDTHH:mm" on the zone's wall clock (for datetime-local inputs). */
export function toZonedInput(date: Date, zone: string): string {
  const p = wallParts(date, zone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The first instant of a day ("YYYY-MM-DD") on the zone's calendar; a day whose midnight a
 * clock change skips starts at its first hour that exists. Null for a malformed day.
 */
export function startOfDayIn(day: string, zone: string): Date | null {
  for (const hour of ["00", "01", "02"]) {
    const instant = fromZonedInput(`${day}T${hour}:00`, zone);
    if (instant) return instant;
  }
  return null;
}

/** "14:30" on the zone's wall clock. */
export function formatTimeInZone(date: Date, zone: string): string {
  return toZonedInput(date, zone).slice(11);
}

/** "26 Nov 2026, 14:30 GMT" in the zone. */
export function formatInZone(date: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")} ${get("month")} ${get("year")}, ${get("hour")}:${get("minute")} ${get("timeZoneName")}`;
}

/** "3 h 12 min", "45 min", "2 days" */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}
