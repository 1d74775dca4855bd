import { ArticleCard } from "@/components/public/article-card";
import { websiteData } from "@/components/public/structured-data";
import { appEnv } from "@/server/env";
import { SITE_DESCRIPTION, SITE_NAME } from "@/lib/site";
import { siteUrl } from "@/server/site";
import { tags } from "@/server/cache/tags";
import { publicRender } from "@/server/public-cache";
import { publicApi } from "@/trpc/server";
import { buildPlaceholder, isBuildPhase, publicPage } from "./_site/respond";

export const dynamic = "force-static";
export const revalidate = false;

/** The front page: the lead story (pinned by an editor, else the newest), then the latest by section. */
export function GET() {
  if (isBuildPhase()) return buildPlaceholder();
  return publicRender((page) => {
    page.add(tags.home);
    return buildHome();
  });
}

async function buildHome() {
  const home = await publicApi().site.home();
  const timeZone = appEnv().MASTHEAD_TIME_ZONE;
  return publicPage(
    { title: SITE_NAME, description: SITE_DESCRIPTION, path: "/", jsonLd: [websiteData(siteUrl())] },
    <>
      <h1 className="sr-only">{SITE_NAME}: latest news</h1>
      {home.lead ? (
        <>
          <ArticleCard article={home.lead} timeZone={timeZone} lead />
          {home.latest.length > 0 ? (
            <section aria-labelledby="latest-heading" className="mt-8">
              <h2 id="latest-heading" className="border-b-2 border-ink pb-1 font-serif text-2xl font-bold">
                Latest
              </h2>
              {home.latest.map((card) => (
                <ArticleCard key={card.id} article={card} timeZone={timeZone} headingLevel={3} />
              ))}
            </section>
          ) : null}
          {home.sections.map(({ section, items }) => (
            <section key={section.slug} aria-labelledby={`section-${section.slug}`} className="mt-10">
              <h2 id={`section-${section.slug}`} className="border-b-2 border-ink pb-1 font-serif text-2xl font-bold">
                <a href={`/sections/${section.slug}`} className="underline-offset-4 hover:underline">
                  {section.name}
                </a>
              </h2>
              {items.map((card) => (
                <ArticleCard key={card.id} article={card} timeZone={timeZone} headingLevel={3} />
              ))}
            </section>
          ))}
        </>
      ) : (
        <p className="text-lg text-muted">No stories have been published yet.</p>
      )}
    </>,
  );
}
