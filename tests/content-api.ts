import { handleApiRequest } from "@/server/content-api/handler";
import { createApiKey } from "@/server/services/api-keys";
import type { SessionUser } from "@/server/services/users";
import { db, FIXED_NOW } from "./db";

export const API_ORIGIN = "https://news.example";

/** A new key to the content API, made by `admin`. */
export async function apiKeyFor(admin: SessionUser, perMinute = 6000): Promise<string> {
  return (await createApiKey(db, admin, { name: `Test key ${Math.random()}`, perMinute })).key;
}

/** A request to /api/v1/<path> as the route handler gets it; the body read as JSON when there is one. */
export async function apiGet(
  path: string,
  key: string | null,
  {
    headers = {},
    method = "GET",
    now = FIXED_NOW,
  }: { headers?: Record<string, string>; method?: string; now?: Date } = {},
) {
  const url = new URL(`${API_ORIGIN}/api/v1/${path}`);
  const segments = url.pathname
    .slice("/api/v1/".length)
    .split("/")
    .map((s) => decodeURIComponent(s));
  const response = await handleApiRequest(
    new Request(url, { method, headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...headers } }),
    segments,
    { db, now, origin: API_ORIGIN, language: "en", timeZone: "UTC" },
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text ? (JSON.parse(text) as unknown) : null,
  };
}
