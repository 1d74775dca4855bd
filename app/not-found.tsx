import Link from "next/link";
import { NotFoundMessage } from "@/components/public/public-notice";
import { SkipLink } from "@/components/ui/skip-link";

/** For addresses that match no route at all (public pages answer their own 404s). */
export default function NotFound() {
  return (
    <>
      <SkipLink />
      <header className="border-b-4 border-double border-neutral-900">
        <div className="mx-auto max-w-5xl px-4 py-5">
          <Link href="/" className="font-serif text-3xl font-black tracking-tight sm:text-4xl">
            Masthead
          </Link>
        </div>
      </header>
      <main id="content" className="px-4">
        <NotFoundMessage />
      </main>
    </>
  );
}
