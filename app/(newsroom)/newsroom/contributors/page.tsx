import type { Metadata } from "next";
import { ContributorsAdmin } from "@/components/newsroom/contributors/contributors-admin";
import { can } from "@/server/auth/permissions";
import { requireNewsroomUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Contributors" };

export default async function ContributorsPage() {
  const user = await requireNewsroomUser("/newsroom/contributors");
  if (!can(user.role, "contributor.manage")) {
    return (
      <>
        <h1 className="text-2xl font-bold">Contributors</h1>
        <p className="mt-4">Only editors can add and change contributors and agency credits.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Contributors</h1>
      <ContributorsAdmin />
    </>
  );
}
