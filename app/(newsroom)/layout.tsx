import type { ReactNode } from "react";
import { NewsroomHeader } from "@/components/newsroom/newsroom-header";
import { SkipLink } from "@/components/ui/skip-link";
import { can } from "@/server/auth/permissions";
import { requireNewsroomUser } from "@/server/auth/session";
import { TRPCReactProvider } from "@/trpc/client";
import { api } from "@/trpc/server";

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  // A session whose account was deactivated (or deleted) no longer gets in.
  const user = await requireNewsroomUser();
  const unread = await (await api()).notification.unreadCount();
  return (
    <TRPCReactProvider>
      {/* The newsroom's own colours, dark when the system is (app/globals.css). */}
      <div className="newsroom min-h-screen bg-white text-ink">
        <SkipLink />
        <NewsroomHeader
          user={user}
          can={{
            managePeople: can(user.role, "user.manage"),
            manageNewsroom: can(user.role, "newsroom.manage"),
            manageTags: can(user.role, "tag.manage"),
          }}
          unread={unread}
        />
        <main id="content" className="mx-auto max-w-7xl px-4 py-8">
          {children}
        </main>
      </div>
    </TRPCReactProvider>
  );
}
