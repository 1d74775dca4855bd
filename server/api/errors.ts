import { TRPCError } from "@trpc/server";
import { Prisma } from "../db/generated/client";
import { DomainError } from "../errors";

/** Field-level messages, keyed by the input field's path ("email", "body"). */
export type FieldErrors = Record<string, string[]>;

interface IssueLike {
  path?: readonly (PropertyKey | { key: PropertyKey })[];
  message: string;
}

/** Per-field messages from a zod / standard-schema validation failure, if that is what this is. */
export function fieldErrorsOf(cause: unknown): FieldErrors | undefined {
  if (cause instanceof DomainError) return cause.fieldErrors;
  const issues = (cause as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(issues)) return undefined;
  const out: FieldErrors = {};
  for (const issue of issues as IssueLike[]) {
    const key = (issue.path ?? []).map((part) => String(typeof part === "object" ? part.key : part)).join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The PostgreSQL error code (SQLSTATE) behind a Prisma error, when the driver reported one. */
export function postgresCode(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } } })
    ?.meta;
  const cause = meta?.driverAdapterError?.cause;
  const code = cause?.originalCode ?? cause?.code;
  return typeof code === "string" ? code : undefined;
}

/** Refused only because the database was busy (a row lock held, a slow query): the same request may work in a moment. */
export function isRetryable(error: unknown): boolean {
  const code = postgresCode(error);
  return code === "55P03" || code === "57014";
}

/**
 * The one error map: domain errors and database errors become tRPC codes. Anything else
 * stays an internal error (and is logged by the HTTP handler).
 */
export function toTRPCError(error: unknown): TRPCError | null {
  if (error instanceof TRPCError) return error;
  if (error instanceof DomainError) return new TRPCError({ code: error.code, message: error.message, cause: error });
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const sqlState = postgresCode(error);
    // lock_timeout: someone else holds the row. Refused fast, so the connection is free again.
    if (sqlState === "55P03")
      return new TRPCError({
        code: "CONFLICT",
        message: "Someone else is changing this right now. Nothing was saved; try again in a moment.",
        cause: error,
      });
    // statement_timeout
    if (sqlState === "57014")
      return new TRPCError({
        code: "TIMEOUT",
        message: "The database took too long to answer. Nothing was saved; try again.",
        cause: error,
      });
    switch (error.code) {
      case "P2002":
        return new TRPCError({ code: "CONFLICT", message: "That is already taken.", cause: error });
      case "P2025":
        return new TRPCError({ code: "NOT_FOUND", message: "That record was not found.", cause: error });
      case "P2003":
        return new TRPCError({
          code: "BAD_REQUEST",
          message: "That refers to something that does not exist.",
          cause: error,
        });
      case "P2034":
        return new TRPCError({
          code: "CONFLICT",
          message: "Someone else changed this at the same time. Try again.",
          cause: error,
        });
      default:
        return null;
    }
  }
  return null;
}
