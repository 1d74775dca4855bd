import { ArticleCard } from "@/components/public/article-card";
import { appEnv } from "@/server/env";
import { api } from "@/trpc/server";

// Reads the database on each request until on-demand revalidation lands (public site issue).
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const articles = await (await api()).article.listPublished({ limit: 20 });
  const timeZone = appEnv().MASTHEAD_TIME_ZONE;
  const [lead, ...rest] = articles;
  return (
    <>
      <h1 className="sr-only">Latest news</h1>
      {lead ? (
        <>
          <ArticleCard article={lead} timeZone={timeZone} lead />
          <section aria-label="More stories">
            {rest.map((article) => (
              <ArticleCard key={article.id} article={article} timeZone={timeZone} />
            ))}
          </section>
        </>
      ) : (
        <p className="text-lg text-neutral-700">No stories have been published yet.</p>
      )}
    </>
  );
}
