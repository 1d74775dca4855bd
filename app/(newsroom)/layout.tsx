import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { NewsroomHeader } from "@/components/newsroom/newsroom-header";
import { SkipLink } from "@/components/ui/skip-link";
import { getCurrentUser } from "@/server/auth/session";
import { TRPCReactProvider } from "@/trpc/client";

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  // A session whose account was deactivated (or deleted) no longer gets in.
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/newsroom");
  return (
    <TRPCReactProvider>
      <SkipLink />
      <NewsroomHeader user={user} />
      <main id="content" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </TRPCReactProvider>
  );
}
