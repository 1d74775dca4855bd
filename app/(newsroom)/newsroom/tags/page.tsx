import type { Metadata } from "next";
import { TagsAdmin } from "@/components/newsroom/tags-admin";
import { can } from "@/server/auth/permissions";
import { requireNewsroomUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Tags" };

export default async function TagsPage() {
  const user = await requireNewsroomUser("/newsroom/tags");
  if (!can(user.role, "tag.manage")) {
    return (
      <>
        <h1 className="text-2xl font-bold">Tags</h1>
        <p className="mt-4">Only editors can rename and merge tags.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Tags</h1>
      <TagsAdmin />
    </>
  );
}
