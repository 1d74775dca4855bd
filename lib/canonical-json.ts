/**
 * JSON with every object's keys in sorted order: two values that are equal as data give the
 * same string, whatever order their keys came in (PostgreSQL's jsonb keeps keys in an order of
 * its own; the editor writes them in another).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    const record = item as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) sorted[key] = record[key];
    return sorted;
  });
}
