import type { Metadata } from "next";
import { ImportMarkdown } from "@/components/newsroom/import-markdown";
import { NewArticleForm } from "@/components/newsroom/new-article-form";

export const metadata: Metadata = { title: "New article" };

export default function NewArticlePage() {
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">New article</h1>
      <div className="flex flex-col gap-10">
        <NewArticleForm />
        <ImportMarkdown />
      </div>
    </>
  );
}
