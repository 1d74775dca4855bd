import type { Metadata } from "next";
import { SectionsAdmin } from "@/components/newsroom/sections-admin";
import { can } from "@/server/auth/permissions";
import { requireNewsroomUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Sections" };

export default async function SectionsAdminPage() {
  const user = await requireNewsroomUser("/newsroom/admin/sections");
  if (!can(user.role, "newsroom.manage")) {
    return (
      <>
        <h1 className="text-2xl font-bold">Sections</h1>
        <p className="mt-4">Only admins can manage sections.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Sections</h1>
      <SectionsAdmin />
    </>
  );
}
