import type { Metadata } from "next";
import { AccountSecurity } from "@/components/newsroom/account-security";
import { requireNewsroomUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireNewsroomUser("/newsroom/account");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Your account</h1>
      <p className="mb-6 text-sm text-neutral-700">
        Signed in as {user.displayName} ({user.email}).
      </p>
      <AccountSecurity />
    </>
  );
}
