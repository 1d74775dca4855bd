import Link from "next/link";
import type { ReactNode } from "react";
import { SkipLink } from "@/components/ui/skip-link";
import { TRPCReactProvider } from "@/trpc/client";

/** The narrow page around sign-in and the single-use links (set-up, invitation, reset). */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <TRPCReactProvider>
      <SkipLink />
      <main id="content" className="mx-auto flex max-w-sm flex-col gap-6 px-4 py-16">
        <Link href="/" className="font-serif text-3xl font-black">
          Masthead
        </Link>
        <h1 className="text-xl font-bold">{title}</h1>
        {children}
      </main>
    </TRPCReactProvider>
  );
}
