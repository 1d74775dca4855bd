import { NotFoundMessage } from "@/components/public/public-notice";
import { SiteHeader } from "@/components/public/site-header";
import { SkipLink } from "@/components/ui/skip-link";

/** For addresses that match no route at all: the page brings its own chrome. */
export default function NotFound() {
  return (
    <>
      <SkipLink />
      <SiteHeader />
      <main id="content" className="px-4">
        <NotFoundMessage />
      </main>
    </>
  );
}
