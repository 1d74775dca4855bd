import type { ReactNode } from "react";
import { SiteHeader } from "@/components/public/site-header";
import { SkipLink } from "@/components/ui/skip-link";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <SiteHeader />
      <main id="content" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-5xl border-t border-neutral-200 px-4 py-6 text-sm text-neutral-700">
        Published with Masthead.
      </footer>
    </>
  );
}
