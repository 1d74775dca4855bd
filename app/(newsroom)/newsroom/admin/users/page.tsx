import type { Metadata } from "next";
import { UsersAdmin } from "@/components/newsroom/users-admin";
import { can } from "@/server/auth/permissions";
import { mailEnabled } from "@/server/mail/outbox";
import { requireNewsroomUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "People" };

export default async function UsersAdminPage() {
  const user = await requireNewsroomUser("/newsroom/admin/users");
  if (!can(user.role, "user.manage")) {
    return (
      <>
        <h1 className="text-2xl font-bold">People</h1>
        <p className="mt-4">Only admins can manage people.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">People</h1>
      <UsersAdmin currentUserId={user.id} mailEnabled={mailEnabled()} />
    </>
  );
}
