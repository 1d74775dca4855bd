import type { Metadata } from "next";
import { AccountSecurity } from "@/components/newsroom/account-security";
import { MailPreferences } from "@/components/newsroom/mail-preferences";
import { requireNewsroomUser } from "@/server/auth/session";
import { mailEnabled } from "@/server/mail/outbox";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireNewsroomUser("/newsroom/account");
  const { actions } = await (await api()).account.mailPreferences();
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Your account</h1>
      <p className="mb-6 text-sm text-neutral-700">
        Signed in as {user.displayName} ({user.email}).
      </p>
      <div className="flex flex-col gap-10">
        <AccountSecurity />
        <MailPreferences initial={actions} mailEnabled={mailEnabled()} />
      </div>
    </>
  );
}
