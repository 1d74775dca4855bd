"use client";

import { useState, type FormEvent } from "react";
import type { ContentDocument } from "@/lib/content/document";
import { MAX_HEADLINE_LENGTH, MAX_STANDFIRST_LENGTH } from "@/lib/schemas/article";
import { useTRPCClient } from "@/trpc/client";
import { BodyEditor } from "../../editor/body-editor";
import { Button } from "../../ui/button";
import { Field } from "../../ui/field";
import { StepError } from "./step-error";
import { useArticleStep } from "./use-article-step";

export interface EditableArticle {
  id: string;
  headline: string;
  standfirst: string;
  sectionId: string | null;
  body: ContentDocument;
  heroImageUrl: string | null;
  heroImageCaption: string | null;
  heroImageCredit: string | null;
  heroImageAlt: string | null;
}

const inputClass = "rounded border border-neutral-500 px-3 py-2 text-base";

export function ArticleEditForm({ article, sections }: { article: EditableArticle; sections: { id: string; name: string }[] }) {
  const client = useTRPCClient();
  const { run, busy, error, reload } = useArticleStep();
  const [body, setBody] = useState<ContentDocument>(article.body);
  const [values, setValues] = useState({
    headline: article.headline,
    standfirst: article.standfirst,
    sectionId: article.sectionId ?? "",
    heroImageCaption: article.heroImageCaption ?? "",
    heroImageCredit: article.heroImageCredit ?? "",
    heroImageAlt: article.heroImageAlt ?? "",
  });
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  const fieldError = (key: string) => error?.fieldErrors[key]?.[0];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await run((version) =>
      client.article.update.mutate({
        id: article.id,
        version,
        headline: values.headline,
        standfirst: values.standfirst,
        sectionId: values.sectionId || null,
        body,
        heroImageCaption: article.heroImageUrl ? values.heroImageCaption : null,
        heroImageCredit: article.heroImageUrl ? values.heroImageCredit : null,
        heroImageAlt: article.heroImageUrl ? values.heroImageAlt : null,
      }),
    );
    if (ok) setSavedAt(new Date().toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" }));
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="edit-heading" className="flex flex-col gap-4">
      <h2 id="edit-heading" className="text-lg font-bold">
        Edit
      </h2>
      <StepError error={error} onReload={reload} />
      <Field id="edit-headline" label="Headline" value={values.headline} onChange={(e) => set("headline")(e.target.value)} error={fieldError("headline")} hint={`${values.headline.trim().length} / ${MAX_HEADLINE_LENGTH} characters`} />
      <div className="flex flex-col gap-1">
        <label htmlFor="edit-standfirst" className="text-sm font-semibold">
          Standfirst
        </label>
        <textarea id="edit-standfirst" rows={2} value={values.standfirst} onChange={(e) => set("standfirst")(e.target.value)} aria-describedby="edit-standfirst-count" className={inputClass} />
        <p id="edit-standfirst-count" className="text-sm text-neutral-700">
          {values.standfirst.trim().length} / {MAX_STANDFIRST_LENGTH} characters{fieldError("standfirst") ? ` — ${fieldError("standfirst")}` : ""}
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="edit-section" className="text-sm font-semibold">
          Section
        </label>
        <select id="edit-section" value={values.sectionId} onChange={(e) => set("sectionId")(e.target.value)} className={inputClass}>
          <option value="">No section</option>
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <span id="edit-body-label" className="text-sm font-semibold">
          Body
        </span>
        <BodyEditor initial={article.body} labelId="edit-body-label" describedBy={fieldError("body") ? "edit-body-error" : undefined} onChange={setBody} />
        {fieldError("body") ? (
          <p id="edit-body-error" className="text-sm text-red-800">
            {fieldError("body")}
          </p>
        ) : null}
      </div>
      {article.heroImageUrl ? (
        <fieldset className="flex flex-col gap-3 rounded border border-neutral-300 p-3">
          <legend className="px-1 text-sm font-semibold">Hero image</legend>
          <Field id="edit-caption" label="Caption" value={values.heroImageCaption} onChange={(e) => set("heroImageCaption")(e.target.value)} error={fieldError("heroImageCaption")} />
          <Field id="edit-credit" label="Credit" value={values.heroImageCredit} onChange={(e) => set("heroImageCredit")(e.target.value)} error={fieldError("heroImageCredit")} />
          <Field id="edit-alt" label="Alt text" value={values.heroImageAlt} onChange={(e) => set("heroImageAlt")(e.target.value)} error={fieldError("heroImageAlt")} />
        </fieldset>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save"}
        </Button>
        {savedAt && !error ? (
          <p role="status" className="text-sm text-green-900">
            Saved at {savedAt}
          </p>
        ) : null}
      </div>
    </form>
  );
}
