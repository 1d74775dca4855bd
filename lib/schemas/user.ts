import { z } from "zod";
import { ROLES } from "../roles";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

export const emailSchema = z
  .string({ message: "Email is required" })
  .trim()
  .toLowerCase()
  .min(1, "Email is required")
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email({ message: "Enter a valid email address" }));

export const displayNameSchema = z
  .string({ message: "Name is required" })
  .trim()
  .min(1, "Name is required")
  .max(100, "Name must be at most 100 characters");

export const passwordSchema = z
  .string({ message: "Password is required" })
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const roleSchema = z.enum(ROLES, { message: "Choose a role: Writer, Editor or Admin" });

export const userIdSchema = z.uuid({ message: "Not a valid user id" });

export const createUserInput = z.object({
  email: emailSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const changeRoleInput = z.object({ userId: userIdSchema, role: roleSchema });
export const userRefInput = z.object({ userId: userIdSchema });

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, "Password is required").max(MAX_PASSWORD_LENGTH),
});

export const MAX_BIO_LENGTH = 1000;

/** The public author page: a short biography and a portrait from the media library. */
export const updateProfileInput = z.object({
  bio: z
    .string({ message: "Bio must be text" })
    .trim()
    .max(MAX_BIO_LENGTH, `Bio must be at most ${MAX_BIO_LENGTH} characters`),
  photoUrl: z
    .string()
    .regex(/^\/media\/[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/, "Choose the photo from the media library")
    .nullable(),
});
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(MAX_PASSWORD_LENGTH),
  // Length and strength are checked on the server with the field named (server/services/accounts.ts).
  newPassword: z.string().max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters`),
});

/** A single-use link's token, as it appears in the link. */
export const accountTokenSchema = z.string().trim().min(1, "The link is incomplete").max(100, "The link is not valid");

export const requestResetInput = z.object({ email: emailSchema });
export const tokenRefInput = z.object({ token: accountTokenSchema });
export const setPasswordWithTokenInput = z.object({
  token: accountTokenSchema,
  // Length and strength are checked on the server with the field named.
  password: z.string().max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters`),
});
export const completeSetupInput = setPasswordWithTokenInput.extend({
  email: emailSchema,
  displayName: displayNameSchema,
});
export const inviteInput = z.object({ email: emailSchema, displayName: displayNameSchema, role: roleSchema });
export const invitationRefInput = z.object({ id: z.uuid({ message: "Not a valid invitation id" }) });
export const updatePersonInput = z.object({ userId: userIdSchema, email: emailSchema, displayName: displayNameSchema });
