export const ROLES = ["WRITER", "EDITOR", "ADMIN"] as const;
export type RoleName = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleName, string> = { WRITER: "Writer", EDITOR: "Editor", ADMIN: "Admin" };

export function isRole(value: string): value is RoleName {
  return (ROLES as readonly string[]).includes(value);
}
