import type { Metadata } from "next";
import { ProfileForm } from "@/components/newsroom/profile-form";
import { requireNewsroomUser } from "@/server/auth/session";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Your author page" };

export default async function ProfilePage() {
  await requireNewsroomUser("/newsroom/profile");
  const profile = await (await api()).user.profile();
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Your author page</h1>
      <ProfileForm profile={profile} />
    </>
  );
}
