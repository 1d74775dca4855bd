import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/roles";
import { can, PERMISSIONS, type Permission } from "./permissions";

// The matrix written out by hand: a change to PERMISSIONS must change this table too.
const EXPECTED: Record<Permission, Record<(typeof ROLES)[number], boolean>> = {
  "newsroom.access": { WRITER: true, EDITOR: true, ADMIN: true },
  "article.create": { WRITER: true, EDITOR: true, ADMIN: true },
  "article.readOwn": { WRITER: true, EDITOR: true, ADMIN: true },
  "article.readAll": { WRITER: false, EDITOR: true, ADMIN: true },
  "article.editAll": { WRITER: false, EDITOR: true, ADMIN: true },
  "article.review": { WRITER: false, EDITOR: true, ADMIN: true },
  "article.publish": { WRITER: false, EDITOR: true, ADMIN: true },
  "media.describeAll": { WRITER: false, EDITOR: true, ADMIN: true },
  "user.manage": { WRITER: false, EDITOR: false, ADMIN: true },
  "budget.plan": { WRITER: false, EDITOR: true, ADMIN: true },
  "newsroom.manage": { WRITER: false, EDITOR: false, ADMIN: true },
  "tag.manage": { WRITER: false, EDITOR: true, ADMIN: true },
  "contributor.manage": { WRITER: false, EDITOR: true, ADMIN: true },
};

describe("permission matrix", () => {
  it("covers exactly the permissions in the table", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const rows = Object.entries(EXPECTED).flatMap(([permission, byRole]) =>
    ROLES.map((role) => ({ permission: permission as Permission, role, allowed: byRole[role] })),
  );
  it.each(rows)("$role / $permission → $allowed", ({ permission, role, allowed }) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it("writers never publish", () => {
    expect(can("WRITER", "article.publish")).toBe(false);
  });
});
