import type { Metadata } from "next";
import { SettingsForm } from "@/components/newsroom/settings-form";
import { can } from "@/server/auth/permissions";
import { requireNewsroomUser } from "@/server/auth/session";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireNewsroomUser("/newsroom/admin/settings");
  if (!can(user.role, "newsroom.manage")) {
    return (
      <>
        <h1 className="text-2xl font-bold">Settings</h1>
        <p className="mt-4">Only admins can change the newsroom&rsquo;s settings.</p>
      </>
    );
  }
  const settings = await (await api()).settings.get();
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Settings</h1>
      <SettingsForm initial={settings} />
    </>
  );
}
