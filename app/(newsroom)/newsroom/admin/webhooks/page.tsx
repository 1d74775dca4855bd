import type { Metadata } from "next";
import { WebhooksAdmin } from "@/components/newsroom/webhooks-admin";
import { can } from "@/server/auth/permissions";
import { requireNewsroomUser } from "@/server/auth/session";
import { appEnv } from "@/server/env";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const user = await requireNewsroomUser("/newsroom/admin/webhooks");
  if (!can(user.role, "newsroom.manage")) {
    return (
      <>
        <h1 className="text-2xl font-bold">Webhooks</h1>
        <p className="mt-4">Only admins can manage webhooks.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Webhooks</h1>
      <WebhooksAdmin timeZone={appEnv().MASTHEAD_TIME_ZONE} />
    </>
  );
}
