import type { SessionUser } from "@/server/services/users";
import { makeUser, workflowCallerFor } from "./db";

// The people every authorization table is run as: signed out, the writer whose work it is, a
// colleague, an editor and an admin.

export type Actor = "signedOut" | "writer" | "otherWriter" | "editor" | "admin";
export type RoleUsers = Record<Exclude<Actor, "signedOut">, SessionUser>;

/** One of each (call it after the tables are emptied, in beforeEach). */
export async function makeRoleUsers(): Promise<RoleUsers> {
  return {
    writer: await makeUser("WRITER"),
    otherWriter: await makeUser("WRITER"),
    editor: await makeUser("EDITOR"),
    admin: await makeUser("ADMIN"),
  };
}

/** A caller as this person (on the workflow tests' fixed clock). */
export const callAs = (users: RoleUsers, actor: Actor) =>
  workflowCallerFor(actor === "signedOut" ? null : users[actor]);

/** What a table expects of a step only editors and admins may take. */
export const EDITORS_AND_ADMINS: Readonly<Record<Actor, string>> = {
  signedOut: "UNAUTHORIZED",
  writer: "FORBIDDEN",
  otherWriter: "FORBIDDEN",
  editor: "ok",
  admin: "ok",
};
