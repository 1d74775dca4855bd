const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Dates are shown in UTC until the newsroom time zone setting exists. */
export function formatDateTime(date: Date): string {
  return `${dateTime.format(date)} UTC`;
}
