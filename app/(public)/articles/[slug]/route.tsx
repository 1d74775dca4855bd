import { ArticleView } from "@/components/public/article-view";
import { liveBlogData, newsArticleData } from "@/components/public/structured-data";
import { shareSize } from "@/lib/share-image";
import { SITE_NAME } from "@/lib/site";
import { SLUG_PATTERN } from "@/lib/slug";
import { appEnv } from "@/server/env";
import { tags } from "@/server/cache/tags";
import { publicRender, type PageTags } from "@/server/public-cache";
import { siteUrl } from "@/server/site";
import { publicApi } from "@/trpc/server";
import { buildPlaceholder, gonePage, isBuildPhase, notFoundPage, publicPage } from "../../_site/respond";

export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;
export const generateStaticParams = () => [];

/** A live story (200), an old address of one (301), a story taken down (410), or 404. All cached. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  if (isBuildPhase()) return buildPlaceholder();
  const { slug } = await params;
  return publicRender((page) => buildArticle(slug, page));
}

async function buildArticle(slug: string, page: PageTags) {
  page.add(tags.article(slug));
  if (!SLUG_PATTERN.test(slug) || slug.length > 120) return notFoundPage();
  const found = await publicApi().site.article({ slug });
  if (found.kind === "moved")
    return new Response(null, { status: 301, headers: { Location: `/articles/${found.slug}` } });
  if (found.kind === "gone") return gonePage();
  if (found.kind === "missing") return notFoundPage();
  const { article, related, live } = found;
  // Its byline and its related stories (drawn from its section and tags).
  page.add(
    ...(article.section ? [tags.section(article.section.slug)] : []),
    ...article.tags.map((t) => tags.tag(t.slug)),
    ...article.authors.map((a) => tags.author(a.slug)),
  );
  const description = article.seoDescription || article.standfirst || article.headline;
  return publicPage(
    {
      title: article.seoTitle || article.headline,
      description,
      path: `/articles/${article.slug}`,
      type: "article",
      language: article.language ?? appEnv().MASTHEAD_LANGUAGE,
      // Its picture cut to 16:9 around the focal point (or the newsroom's card without one).
      image: {
        url: `/articles/${article.slug}/image/16x9`,
        alt: article.hero?.alt || SITE_NAME,
        ...shareSize("16x9"),
      },
      article: {
        publishedTime: article.publishedAt,
        modifiedTime: article.contentUpdatedAt,
        section: article.section?.name ?? null,
        tags: article.tags.map((t) => t.name),
      },
      jsonLd: [
        live
          ? liveBlogData(siteUrl(), article, live, description, article.language ?? appEnv().MASTHEAD_LANGUAGE)
          : newsArticleData(siteUrl(), article, description, article.language ?? appEnv().MASTHEAD_LANGUAGE),
      ],
    },
    <ArticleView article={article} related={related} live={live} timeZone={appEnv().MASTHEAD_TIME_ZONE} />,
  );
}
