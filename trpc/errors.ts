import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";

/** The message and per-field messages of a failed tRPC call, for forms. */
export function describeError(error: unknown): { message: string; fieldErrors: Record<string, string[]> } {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data;
    const fieldErrors = data?.fieldErrors ?? {};
    const first = Object.values(fieldErrors)[0]?.[0];
    const message = data?.code === "BAD_REQUEST" && first ? first : error.message;
    return { message, fieldErrors };
  }
  return { message: "Something went wrong. Check your connection and try again.", fieldErrors: {} };
}

/** A form's errors from a failed call: per field when the server named fields, else the message under "_". */
export function formErrors(error: unknown): Record<string, string[]> {
  const { message, fieldErrors } = describeError(error);
  return Object.keys(fieldErrors).length > 0 ? fieldErrors : { _: [message] };
}
