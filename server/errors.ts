/** Expected failures of a business operation. server/api/errors.ts maps them to tRPC codes. */
export type DomainErrorCode = "BAD_REQUEST" | "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "TOO_MANY_REQUESTS";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "You are not allowed to do that.") => new DomainError("FORBIDDEN", message);
export const badRequest = (message: string, fieldErrors?: Record<string, string[]>) =>
  new DomainError("BAD_REQUEST", message, fieldErrors);
export const conflict = (message: string, fieldErrors?: Record<string, string[]>) =>
  new DomainError("CONFLICT", message, fieldErrors);
