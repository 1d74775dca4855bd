import type { Metadata } from "next";
import { ApiKeysAdmin } from "@/components/newsroom/api-keys-admin";
import { can } from "@/server/auth/permissions";
import { requireNewsroomUser } from "@/server/auth/session";
import { appEnv } from "@/server/env";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requireNewsroomUser("/newsroom/admin/api-keys");
  if (!can(user.role, "newsroom.manage")) {
    return (
      <>
        <h1 className="text-2xl font-bold">API keys</h1>
        <p className="mt-4">Only admins can manage keys to the content API.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">API keys</h1>
      <ApiKeysAdmin timeZone={appEnv().MASTHEAD_TIME_ZONE} />
    </>
  );
}
