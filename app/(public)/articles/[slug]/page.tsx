import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleView } from "@/components/public/article-view";
import { SLUG_PATTERN } from "@/lib/slug";
import { appEnv } from "@/server/env";
import { DomainError } from "@/server/errors";
import { api } from "@/trpc/server";
import { TRPCError } from "@trpc/server";

export const dynamic = "force-dynamic";

/** The published article, or null for anything not published (drafts never reach the public). */
const loadArticle = cache(async (slug: string) => {
  if (!SLUG_PATTERN.test(slug) || slug.length > 120) return null;
  try {
    return await (await api()).article.getPublished({ slug });
  } catch (error) {
    if ((error instanceof TRPCError || error instanceof DomainError) && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const article = await loadArticle((await params).slug);
  return article ? { title: article.headline, description: article.standfirst } : { title: "Not found" };
}

export default async function ArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const article = await loadArticle((await params).slug);
  if (!article) notFound();
  return <ArticleView article={article} timeZone={appEnv().MASTHEAD_TIME_ZONE} />;
}
