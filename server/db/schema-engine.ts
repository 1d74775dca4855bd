import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

// Prisma's migrate commands need a native schema engine that cannot be downloaded here.
// The same engine compiled to WebAssembly ships on npm; this module drives it through the
// pg driver adapter, against any PostgreSQL server.

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryFn = (...args: unknown[]) => unknown;
type PgResultLike = { fields?: { dataTypeID: number }[]; rows?: unknown[] } | null;

/** Row arrays of results that had "char" columns, with those columns' positions. */
const charColumns = new WeakMap<object, number[]>();

/**
 * The engine reads pg_catalog columns of PostgreSQL's internal "char" type (OID 18), which
 * adapter-pg cannot map. Inside the migration process only, pg reports them as text so the
 * adapter accepts them, and `restoreCharColumns` then tells the engine they are characters.
 */
function reportCharAsText(result: unknown): unknown {
  const res = result as PgResultLike;
  const positions: number[] = [];
  res?.fields?.forEach((field, index) => {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      positions.push(index);
    }
  });
  if (positions.length > 0 && res?.rows) charColumns.set(res.rows, positions);
  return result;
}

class CharAsTextClient extends pg.Client {}
const baseQuery = pg.Client.prototype.query as QueryFn;
CharAsTextClient.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
  // pg-pool passes a callback; direct callers get a promise. Patch both.
  const last = args.length - 1;
  const callback = args[last];
  if (typeof callback === "function") {
    args[last] = (error: unknown, result: unknown) => callback(error, reportCharAsText(result));
    return baseQuery.apply(this, args);
  }
  const out = baseQuery.apply(this, args);
  return out instanceof Promise ? out.then(reportCharAsText) : out;
} as pg.Client["query"];

function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  const positions = charColumns.get(result.rows);
  if (!positions) return result;
  const columnTypes = [...result.columnTypes];
  for (const index of positions) columnTypes[index] = ColumnTypeEnum.Character;
  return { ...result, columnTypes };
}

function withCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  return Object.assign(Object.create(queryable) as T, {
    queryRaw: async (query: SqlQuery) => restoreCharColumns(await queryRaw(query)),
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

interface Disposable {
  dispose(): Promise<void>;
}

/** A driver adapter factory whose shadow databases we create and drop ourselves. */
function migrationAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory & Disposable {
  const pools: pg.Pool[] = [];
  const shadows: string[] = [];
  const adapterFor = async (connectionString: string): Promise<SqlDriverAdapter> => {
    const pool = new pg.Pool({ connectionString, Client: CharAsTextClient, max: 2 });
    pools.push(pool);
    const adapter = await new PrismaPg(pool).connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    return Object.assign(withCharColumns(adapter), {
      startTransaction: async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) =>
        withCharColumns(await startTransaction(...args)),
      // adapter-pg splits scripts on every ";", which breaks function bodies and string
      // literals and applies half a migration on failure. One simple-protocol query runs the
      // whole migration as one implicit transaction, as Prisma's native engine does.
      executeScript: async (script: string) => {
        try {
          await pool.query(script);
        } catch (error) {
          // The engine reports only "external connector error": say what PostgreSQL said.
          console.error(`masthead: the migration failed: ${error instanceof Error ? error.message : String(error)}`);
          throw error;
        }
      },
    });
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => adapterFor(url),
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const name = `masthead_shadow_${process.pid}_${Date.now()}_${shadows.length}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      shadows.push(name);
      return adapterFor(withDatabase(url, name));
    },
    async dispose() {
      await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
      if (shadows.length === 0) return;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        for (const name of shadows) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let enginePromise: Promise<EngineModule> | undefined;

/** The engine reports Rust panics through this global before throwing. */
const panics: string[] = [];
const panicGlobal = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };

async function loadEngineModule(): Promise<EngineModule> {
  panicGlobal.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => void panics.push(message) };
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bindings = (await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href)) as EngineModule & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

export const SCHEMA_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * Runs `work` with a schema engine connected to `url`, then closes every connection and
 * drops any shadow database it made.
 */
export async function withSchemaEngine<T>(
  url: string,
  datamodel: { path: string; content: string } | null,
  work: (engine: SchemaEngine) => Promise<T>,
  log: (message: string) => void = () => undefined,
): Promise<T> {
  enginePromise ??= loadEngineModule();
  const { SchemaEngine } = await enginePromise;
  const factory = migrationAdapterFactory(url);
  try {
    const engine = await SchemaEngine.new(
      { datamodels: datamodel ? [[datamodel.path, datamodel.content]] : undefined },
      (message: string) => log(message),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      return await work(engine);
    } catch (error) {
      const panic = panics.pop();
      throw panic ? new Error(`Prisma schema engine failed: ${panic}`) : error;
    } finally {
      engine.free();
    }
  } finally {
    await factory.dispose();
  }
}
