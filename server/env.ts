import path from "node:path";
import { z } from "zod";
import { canonicalLanguage, DEFAULT_LANGUAGE } from "@/lib/language";
import { isTimeZone } from "@/lib/time-zone";
import { parseTrustedProxies } from "./http/client-address";

/** A start-up problem with one environment variable, reported as one clear line. */
export class EnvError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
  }
}

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be a PostgreSQL URL like postgresql://user:password@host:5432/database");

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

const timeZone = z
  .string()
  .trim()
  .refine(isTimeZone, "must be an IANA time zone such as Europe/London or America/New_York")
  .default("UTC");

const milliseconds = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ message: "must be a number of milliseconds" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

/** Settings both the launcher and the Next.js server read. */
const sharedSchema = {
  /** Webhook endpoints may be on this machine or a private network (tests, an intranet). */
  MASTHEAD_WEBHOOKS_ALLOW_PRIVATE: flag.default(false),
  /** Connections the web process keeps to PostgreSQL (each instance: mind the server's max_connections). */
  MASTHEAD_DB_POOL_SIZE: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(2, "must be at least 2")
    .max(200, "must be at most 200")
    .default(10),
  /** How long a request waits for a row someone else is changing before it is refused (409). */
  MASTHEAD_DB_LOCK_TIMEOUT_MS: milliseconds(100, 60_000, 2_000),
  /** The longest any one query of a request may run. */
  MASTHEAD_DB_STATEMENT_TIMEOUT_MS: milliseconds(1_000, 600_000, 15_000),
  /** Media in this S3-compatible bucket (every instance shares it) instead of <data dir>/media. */
  MASTHEAD_S3_BUCKET: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      "must be an S3 bucket name (3–63 lowercase letters, digits, dots, dashes)",
    )
    .optional(),
  MASTHEAD_S3_ENDPOINT: z
    .url({ protocol: /^https?$/, message: "must be the S3 server's address, like https://s3.example.com" })
    .optional(),
  MASTHEAD_S3_REGION: z.string().trim().min(1).max(64).default("us-east-1"),
  MASTHEAD_S3_FORCE_PATH_STYLE: flag.default(false),
  /** Media are redirected there (a CDN or the bucket's public address) instead of served by the app. */
  MASTHEAD_LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error"], { message: "must be debug, info, warn or error" })
    .optional(),
  /** Prometheus metrics at /api/metrics for requests sending `Authorization: Bearer <token>`; off when unset. */
  MASTHEAD_METRICS_TOKEN: z.string().trim().min(16, "must be at least 16 characters").optional(),
  MASTHEAD_MEDIA_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) address, like https://media.example.com" })
    .optional(),
  MASTHEAD_TIME_ZONE: timeZone,
  /** The newsroom's language (BCP 47): its pages, feeds and stories without one of their own. */
  MASTHEAD_LANGUAGE: z
    .string()
    .default(DEFAULT_LANGUAGE)
    .transform((value, ctx) => {
      const canonical = canonicalLanguage(value);
      if (canonical) return canonical;
      ctx.addIssue({ code: "custom", message: "must be a BCP 47 language tag such as en, en-GB, ar or pt-BR" });
      return z.NEVER;
    }),
  MASTHEAD_SCHEDULER_INTERVAL_MS: z.coerce
    .number({ message: "must be a number of milliseconds" })
    .int("must be a whole number")
    .min(1000, "must be at least 1000")
    .max(3_600_000, "must be at most 3600000")
    .default(30_000),
  /** How long before a budget line's deadline the people on it are reminded. */
  MASTHEAD_REMINDER_LEAD_MINUTES: z.coerce
    .number({ message: "must be a number of minutes" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(10_080, "must be at most 10080 (a week)")
    .default(120),
  /** Proxies in front of the app whose X-Forwarded-For is believed: a hop count or their addresses. */
  MASTHEAD_TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : "is not valid" });
      }
    }),
  /** End-to-end tests only: lets a test move the server's clock forward. Never in production. */
  MASTHEAD_TEST_CLOCK: flag.default(false),
};

const launchSchema = z.object({
  ...sharedSchema,
  DATABASE_URL: postgresUrl.optional(),
  MASTHEAD_DATA_DIR: z.string().trim().min(1, "must not be empty").default(".data"),
  PORT: z.coerce
    .number({ message: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  MASTHEAD_MIGRATE_ON_START: flag.default(true),
  /** The embedded PostgreSQL's port on 127.0.0.1 (a free one when unset), e.g. for a second instance or psql. */
  MASTHEAD_EMBEDDED_PG_PORT: z.coerce
    .number({ message: "must be a port number" })
    .int("must be a whole number")
    .min(1024, "must be between 1024 and 65535")
    .max(65535, "must be between 1024 and 65535")
    .optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters long").optional(),
  NEXTAUTH_URL: z.url({ message: "must be the site's public URL, like https://news.example.com" }).optional(),
  MASTHEAD_SMTP_URL: z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
      } catch {
        return false;
      }
    }, "must be an SMTP URL like smtp://user:password@mail.example.com:587 or smtps://…:465")
    .optional(),
  MASTHEAD_MAIL_FROM: z.string().trim().max(200).optional(),
});

const appSchema = z.object({
  ...sharedSchema,
  DATABASE_URL: postgresUrl,
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters long"),
  MASTHEAD_DATA_DIR: z.string().trim().min(1).default(".data"),
});

export type LaunchEnv = z.infer<typeof launchSchema> & { dataDir: string; mediaDir: string };
export type AppEnv = z.infer<typeof appSchema> & { mediaDir: string };

function parseWith<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  // An empty variable means "not set", as shells commonly leave them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? "environment");
  const problem = cleaned[variable] === undefined ? "is required" : (issue?.message ?? "is invalid");
  throw new EnvError(variable, problem);
}

/** What the launcher (npm run dev / npm start) and the command-line scripts read. */
export function parseLaunchEnv(source: Record<string, string | undefined>): LaunchEnv {
  const env = parseWith(launchSchema, source);
  const dataDir = path.resolve(env.MASTHEAD_DATA_DIR);
  return { ...env, dataDir, mediaDir: path.join(dataDir, "media") };
}

/** What the Next.js server reads; the launcher sets these. */
export function parseAppEnv(source: Record<string, string | undefined>): AppEnv {
  const env = parseWith(appSchema, source);
  return { ...env, mediaDir: path.join(path.resolve(env.MASTHEAD_DATA_DIR), "media") };
}

let cached: AppEnv | undefined;
export function appEnv(): AppEnv {
  cached ??= parseAppEnv(process.env);
  return cached;
}
