import { z } from "zod";
import { apiAuthorList, apiSectionList, apiTagList, nameListQuery, storyListQuery } from "@/lib/schemas/content-api";
import type { DbOrTx } from "../db/client";
import { DomainError } from "../errors";
import { entityTag, isNotModified } from "../http/conditional";
import { errorField, log } from "../log";
import { checkApiKey } from "../services/api-keys";
import { apiAuthors, apiSections, apiStories, apiStory, apiTags } from "../services/content-api";
import { NINJS_MEDIA_TYPE, toNinjs } from "./ninjs";
import { openApiDocument } from "./openapi";
import { apiAuthorOf, storySummary, storyWhole, type ApiContext } from "./present";

/**
 * The content API, /api/v1/…: read-only JSON for partners and apps. Every request but the
 * OpenAPI document needs an API key (Authorization: Bearer), which is checked and counted
 * against its requests a minute in the database, so every instance counts alike. Answers carry
 * an ETag and a matching If-None-Match gets 304. Errors are JSON: { error: { status, message } }.
 */
export interface ApiDeps extends ApiContext {
  db: DbOrTx;
  now: Date;
}

const JSON_TYPE = "application/json; charset=utf-8";
const STATUS: Record<DomainError["code"], number> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

function errorResponse(
  status: number,
  message: string,
  extra: { fields?: Record<string, string[]>; headers?: Record<string, string> } = {},
): Response {
  return new Response(
    JSON.stringify({ error: { status, message, ...(extra.fields ? { fields: extra.fields } : {}) } }),
    {
      status,
      headers: { "Content-Type": JSON_TYPE, "Cache-Control": "no-store", ...extra.headers },
    },
  );
}

/** 200 with an ETag, or 304 when the client has it already. */
function answer(request: Request, body: unknown, type = JSON_TYPE, headers: Record<string, string> = {}): Response {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  const etag = entityTag(bytes);
  const common = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Authorization, Accept", ...headers };
  // The site's conditional GET rules (server/http/conditional.ts), for If-None-Match only: an
  // API answer has no Last-Modified.
  const wanted = request.headers.get("if-none-match");
  if (isNotModified(request.method, wanted === null ? {} : { "if-none-match": wanted }, 200, { etag }))
    return new Response(null, { status: 304, headers: common });
  return new Response(request.method === "HEAD" ? null : bytes, {
    status: 200,
    headers: { "Content-Type": type, ...common },
  });
}

/** Query parameters as an object; a parameter given twice is refused (which one would count?). */
function queryOf(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (name in query) throw new DomainError("BAD_REQUEST", `“${name}” is given more than once.`);
    query[name] = value;
  }
  return query;
}

function parse<T extends z.ZodType>(schema: T, url: URL): z.output<T> {
  const result = schema.safeParse(queryOf(url));
  if (result.success) return result.data;
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key =
      issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.map((p) => String(p)).join(".") || "_";
    const message =
      issue.code === "unrecognized_keys"
        ? `Unknown parameter: this API does not take ${issue.keys.join(", ")}`
        : issue.message;
    (fields[key] ??= []).push(message);
  }
  throw new DomainError("BAD_REQUEST", Object.values(fields).flat().join("; "), fields);
}

const NINJS_SUFFIX = ".ninjs.json";

async function route(request: Request, path: string[], deps: ApiDeps): Promise<Response> {
  const url = new URL(request.url);
  const [resource, item, ...rest] = path;
  if (rest.length > 0) return errorResponse(404, "There is nothing at this address in the content API.");
  if (resource === "stories" && item === undefined) {
    const query = parse(storyListQuery, url);
    const { stories, nextCursor } = await apiStories(deps.db, query, deps.language);
    return answer(request, { stories: stories.map((s) => storySummary(s, deps)), nextCursor });
  }
  if (resource === "stories" && item !== undefined) {
    parse(z.object({}).strict(), url);
    const asNinjs = item.endsWith(NINJS_SUFFIX) || (request.headers.get("accept") ?? "").includes(NINJS_MEDIA_TYPE);
    const key = item.endsWith(NINJS_SUFFIX) ? item.slice(0, -NINJS_SUFFIX.length) : item;
    const story = key.length <= 300 ? await apiStory(deps.db, key) : null;
    if (!story) return errorResponse(404, "No live story has that id or address.");
    const whole = await storyWhole(story, deps);
    return asNinjs ? answer(request, toNinjs(whole), NINJS_MEDIA_TYPE) : answer(request, whole);
  }
  if (resource === "sections" && item === undefined) {
    parse(z.object({}).strict(), url);
    const sections = (await apiSections(deps.db)).map((s) => ({ ...s, url: `${deps.origin}/sections/${s.slug}` }));
    return answer(request, apiSectionList.parse({ sections }));
  }
  if (resource === "authors" && item === undefined) {
    const { items, nextCursor } = await apiAuthors(deps.db, parse(nameListQuery, url));
    return answer(request, apiAuthorList.parse({ authors: items.map((a) => apiAuthorOf(deps.origin, a)), nextCursor }));
  }
  if (resource === "tags" && item === undefined) {
    const { items, nextCursor } = await apiTags(deps.db, parse(nameListQuery, url));
    const tags = items.map((t) => ({ ...t, url: `${deps.origin}/tags/${t.slug}` }));
    return answer(request, apiTagList.parse({ tags, nextCursor }));
  }
  return errorResponse(404, "There is nothing at this address in the content API.");
}

export async function handleApiRequest(request: Request, path: string[], deps: ApiDeps): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD")
    return errorResponse(405, "The content API only reads: use GET.", { headers: { Allow: "GET, HEAD" } });
  try {
    if (path.length === 1 && path[0] === "openapi.json") {
      parse(z.object({}).strict(), new URL(request.url));
      return answer(request, openApiDocument(deps.origin), "application/json; charset=utf-8", {
        "Cache-Control": "public, max-age=300",
      });
    }
    const authorization = request.headers.get("authorization") ?? "";
    const key = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
    const unauthorized = { headers: { "WWW-Authenticate": 'Bearer realm="Masthead content API"' } };
    if (!key) return errorResponse(401, "Send an API key: Authorization: Bearer <key>.", unauthorized);
    const check = await checkApiKey(deps.db, key, deps.now);
    if (check.kind === "unknown") return errorResponse(401, "That API key is unknown or was revoked.", unauthorized);
    if (check.kind === "limited")
      return errorResponse(
        429,
        `This key may make ${check.perMinute} requests a minute. Wait ${check.retryAfterSeconds} s and try again.`,
        {
          headers: {
            "Retry-After": String(check.retryAfterSeconds),
            "RateLimit-Limit": String(check.perMinute),
            "RateLimit-Remaining": "0",
          },
        },
      );
    const response = await route(request, path, deps);
    response.headers.set("RateLimit-Limit", String(check.perMinute));
    response.headers.set("RateLimit-Remaining", String(check.remaining));
    return response;
  } catch (error) {
    if (error instanceof DomainError)
      return errorResponse(STATUS[error.code], error.message, { fields: error.fieldErrors });
    log().error({ error: errorField(error) }, "the content API failed");
    return errorResponse(500, "Something went wrong on our side; try again in a moment.");
  }
}
