import { z } from "zod";
import {
  API_LIST_MAX,
  apiAuthorList,
  apiError,
  apiSectionList,
  apiStory,
  apiStoryList,
  apiTagList,
  nameListQuery,
  storyListQuery,
} from "@/lib/schemas/content-api";
import { NINJS_MEDIA_TYPE, NINJS_SCHEMA } from "./ninjs";

// The content API's OpenAPI 3.1 document, generated from the zod schemas the API parses its
// requests and shapes its answers with (lib/schemas/content-api.ts): served at
// /api/v1/openapi.json, and tests check real answers against it.

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema {
  // Each schema sits inside the document, whose jsonSchemaDialect names the dialect once.
  const json: JsonSchema = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });
  delete json.$schema;
  return json;
}

function queryParameters(object: z.ZodObject): JsonSchema[] {
  return Object.entries(object.shape).map(([name, schema]) => {
    const json = schemaOf(schema as z.ZodType, "input");
    const { description, ...rest } = json;
    return { name, in: "query", required: false, ...(description ? { description } : {}), schema: rest };
  });
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ "application/json": { schema: ref(name) } });
const failures = (...statuses: (400 | 404)[]) => ({
  ...Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: status === 400 ? "A parameter is wrong (the message says which)." : "No such live story.",
        content: json("Error"),
      },
    ]),
  ),
  "401": { description: "No API key, or one that is unknown or revoked.", content: json("Error") },
  "429": {
    description: "The key's requests a minute are used up; Retry-After says when to try again.",
    content: json("Error"),
  },
});

export function openApiDocument(origin: string): JsonSchema {
  const idParameter = {
    name: "id",
    in: "path",
    required: true,
    description: "The story's id (a UUID) or its current slug.",
    schema: { type: "string" },
  };
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Masthead content API",
      version: "1",
      description:
        "Read-only: the live stories, sections, authors and tags exactly as the public site shows them. " +
        "Send an API key (created by an admin in the newsroom, under API keys) as `Authorization: Bearer <key>`. " +
        `Lists are newest first, a page at a time (up to ${API_LIST_MAX}); pass \`nextCursor\` as \`cursor\` for the next.`,
    },
    servers: [{ url: `${origin}/api/v1` }],
    security: [{ apiKey: [] }],
    paths: {
      "/stories": {
        get: {
          operationId: "listStories",
          summary: "Live stories, newest first",
          parameters: queryParameters(storyListQuery),
          responses: { "200": { description: "A page of stories.", content: json("StoryList") }, ...failures(400) },
        },
      },
      "/stories/{id}": {
        get: {
          operationId: "getStory",
          summary: "One live story, whole",
          description: `With \`Accept: ${NINJS_MEDIA_TYPE}\`, the story in IPTC ninjs 3.1.`,
          parameters: [idParameter],
          responses: {
            "200": {
              description: "The story.",
              content: { ...json("Story"), [NINJS_MEDIA_TYPE]: { schema: { $ref: NINJS_SCHEMA } } },
            },
            ...failures(404),
          },
        },
      },
      "/stories/{id}.ninjs.json": {
        get: {
          operationId: "getStoryNinjs",
          summary: "One live story in IPTC ninjs 3.1",
          parameters: [idParameter],
          responses: {
            "200": {
              description: "The story as a ninjs 3.1 news item.",
              content: { [NINJS_MEDIA_TYPE]: { schema: { $ref: NINJS_SCHEMA } } },
            },
            ...failures(404),
          },
        },
      },
      "/sections": {
        get: {
          operationId: "listSections",
          summary: "Sections with live stories",
          responses: { "200": { description: "Every section.", content: json("SectionList") }, ...failures() },
        },
      },
      "/authors": {
        get: {
          operationId: "listAuthors",
          summary: "People and agencies credited on live stories, by slug",
          parameters: queryParameters(nameListQuery),
          responses: { "200": { description: "A page of authors.", content: json("AuthorList") }, ...failures(400) },
        },
      },
      "/tags": {
        get: {
          operationId: "listTags",
          summary: "Tags on live stories, by slug",
          parameters: queryParameters(nameListQuery),
          responses: { "200": { description: "A page of tags.", content: json("TagList") }, ...failures(400) },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key from the newsroom's admin." },
      },
      schemas: {
        Story: schemaOf(apiStory),
        StoryList: schemaOf(apiStoryList),
        SectionList: schemaOf(apiSectionList),
        AuthorList: schemaOf(apiAuthorList),
        TagList: schemaOf(apiTagList),
        Error: schemaOf(apiError),
      },
    },
  };
}
