import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

// IPTC's ninjs 3.1 JSON Schema (vendored in tests/ninjs, with its attribution), compiled as IPTC
// validates it: ajv for draft 2020-12 with ajv-formats and the GeoJSON schema it references.

export const NINJS_DIR = path.join(import.meta.dirname, "ninjs");

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));

let compiled: ValidateFunction | undefined;

export function ninjsValidator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(readJson(path.join(NINJS_DIR, "validation", "test_suite", "GeoJSON-schema.json")) as object);
  compiled = ajv.compile(readJson(path.join(NINJS_DIR, "specification", "ninjs-schema_3.1.json")) as object);
  return compiled;
}

/** The JSON files in a folder of the vendored suite, with their contents. */
export function suiteFiles(...folder: string[]): { name: string; document: unknown }[] {
  const dir = path.join(NINJS_DIR, ...folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ name, document: readJson(path.join(dir, name)) }));
}

/** ajv's errors, readable in a failed expectation. */
export const ninjsErrors = (validate: ValidateFunction) =>
  (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`).join("; ");
