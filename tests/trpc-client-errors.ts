import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/trpc/types";

const CODES = {
  BAD_REQUEST: { numeric: -32600, httpStatus: 400 },
  FORBIDDEN: { numeric: -32003, httpStatus: 403 },
  CONFLICT: { numeric: -32009, httpStatus: 409 },
} as const;

/** An error as the tRPC client raises it for an answer from the server (for component and hook tests). */
export function serverError(
  code: keyof typeof CODES,
  message: string,
  fieldErrors: Record<string, string[]> | null = null,
  path = "article.update",
  retryable = false,
) {
  const { numeric, httpStatus } = CODES[code];
  return new TRPCClientError<AppRouter>(message, {
    result: { error: { message, code: numeric, data: { code, httpStatus, path, fieldErrors, retryable } } },
  });
}
