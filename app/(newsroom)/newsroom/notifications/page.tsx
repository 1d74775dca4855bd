import type { Metadata } from "next";
import { NotificationsList } from "@/components/newsroom/notifications-list";
import { requireNewsroomUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requireNewsroomUser("/newsroom/notifications");
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Notifications</h1>
      <NotificationsList />
    </>
  );
}
