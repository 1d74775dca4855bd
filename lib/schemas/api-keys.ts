import { z } from "zod";

/** Requests a key may make per minute: the default, and the most an admin may allow. */
export const API_KEY_DEFAULT_PER_MINUTE = 600;
export const API_KEY_MAX_PER_MINUTE = 6000;

export const apiKeyCreateInput = z.object({
  name: z
    .string({ message: "Name the key" })
    .trim()
    .min(1, "Name the key: who or what it is for")
    .max(100, "A key's name is at most 100 characters")
    .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "A key's name cannot hold control characters"),
  perMinute: z
    .number({ message: "Say how many requests a minute it may make" })
    .int("Requests a minute is a whole number")
    .min(1, "A key may make at least 1 request a minute")
    .max(API_KEY_MAX_PER_MINUTE, `A key may make at most ${API_KEY_MAX_PER_MINUTE} requests a minute`)
    .default(API_KEY_DEFAULT_PER_MINUTE),
});
export type ApiKeyCreateInput = z.infer<typeof apiKeyCreateInput>;

export const apiKeyRevokeInput = z.object({ id: z.uuid({ message: "That is not a key's id" }) });
