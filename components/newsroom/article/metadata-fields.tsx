"use client";

import { MAX_SEO_DESCRIPTION, MAX_SEO_TITLE } from "@/lib/schemas/article";
import type { ContributorKindName } from "@/lib/schemas/contributor";
import { COMMON_LANGUAGES, languageName } from "@/lib/language";
import { tidySlug } from "@/lib/slug";
import { Field } from "../../ui/field";
import { BylineField } from "./byline-field";
import { SelectField } from "../../ui/select-field";
import type { ArticleDraft } from "./article-draft";
import { SeoPreview } from "./seo-preview";

const inputClass = "rounded border border-neutral-500 px-3 py-2 text-base";

export interface MetadataOptions {
  /** The newsroom's accounts. */
  authors: { id: string; displayName: string }[];
  /** Contributors and agency credits (bylines without an account). */
  contributors: { id: string; name: string; kind: ContributorKindName }[];
  tagNames: string[];
}

/**
 * What the tag field's list offers: the text typed so far completed with each known tag not
 * already in it (compared without case), the last, unfinished tag being the one completed.
 */
export function tagSuggestions(typed: string, known: string[]): string[] {
  const cut = typed.lastIndexOf(",");
  const done = typed
    .slice(0, cut + 1)
    .split(",")
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  const before = cut === -1 ? "" : `${typed.slice(0, cut + 1)} `;
  return known.filter((name) => !done.includes(name.toLowerCase())).map((name) => `${before}${name}`);
}

interface FieldsProps {
  draft: ArticleDraft;
  errorFor: (field: string) => string | undefined;
  onChange: (patch: Partial<ArticleDraft>) => void;
}

/** The languages offered, by English name, with the story's own first if it is not among them. */
function languageChoices(current: string): { value: string; label: string }[] {
  const tags: string[] = [...COMMON_LANGUAGES];
  if (current && !tags.includes(current)) tags.push(current);
  return tags
    .map((tag) => ({ value: tag, label: `${languageName(tag)} (${tag})` }))
    .sort((a, b) => a.label.localeCompare(b.label, "en"));
}

/** Section, authors, tags, slug and target length: the article's details beside its text. */
export function DetailsFields({
  draft,
  options,
  sections,
  slugLocked,
  errorFor,
  onChange,
}: FieldsProps & { options: MetadataOptions; sections: { id: string; name: string }[]; slugLocked: boolean }) {
  return (
    <div className="flex flex-col gap-4">
      <SelectField
        id="edit-section"
        label="Section"
        value={draft.sectionId}
        onChange={(e) => onChange({ sectionId: e.target.value })}
        placeholder="No section"
        options={sections.map((section) => ({ value: section.id, label: section.name }))}
        error={errorFor("sectionId")}
      />
      <SelectField
        id="edit-language"
        label="Language"
        value={draft.language}
        onChange={(e) => onChange({ language: e.target.value })}
        placeholder="The newsroom’s language"
        options={languageChoices(draft.language)}
        error={errorFor("language")}
      />
      <BylineField
        ids={draft.authorIds}
        choices={[
          ...options.authors.map((a) => ({ id: a.id, name: a.displayName, kind: "STAFF" as const })),
          ...options.contributors,
        ]}
        error={errorFor("authorIds")}
        onChange={(authorIds) => onChange({ authorIds })}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="edit-tags" className="text-sm font-semibold">
          Tags
        </label>
        <p id="edit-tags-hint" className="text-sm text-neutral-700">
          Separate tags with commas; new tags are created.
        </p>
        <input
          id="edit-tags"
          list="edit-tag-options"
          value={draft.tags}
          onChange={(e) => onChange({ tags: e.target.value })}
          aria-describedby="edit-tags-hint"
          className={inputClass}
        />
        <datalist id="edit-tag-options">
          {tagSuggestions(draft.tags, options.tagNames).map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
        {errorFor("tags") ? <p className="text-sm text-red-800">{errorFor("tags")}</p> : null}
      </div>
      <Field
        id="edit-slug"
        label="Slug"
        value={draft.slug}
        disabled={slugLocked}
        onChange={(e) => onChange({ slug: e.target.value })}
        onBlur={() => onChange({ slug: tidySlug(draft.slug) || draft.slug })}
        error={errorFor("slug")}
        hint={
          slugLocked
            ? "Published: change it with “Change address” in Editorial controls (old addresses redirect)."
            : `The address: /articles/${draft.slug || "…"}`
        }
      />
      <Field
        id="edit-target"
        label="Target length"
        type="number"
        inputMode="numeric"
        min={50}
        max={50000}
        step={50}
        value={draft.targetWords}
        onChange={(e) => onChange({ targetWords: e.target.value })}
        error={errorFor("targetWords")}
        hint="Optional, in words."
      />
    </div>
  );
}

/** The search and share texts, with a preview of how the story will look in each. */
export function SeoFields({ draft, errorFor, onChange, siteUrl }: FieldsProps & { siteUrl: string }) {
  return (
    <div className="flex flex-col gap-4">
      <Field
        id="edit-seo-title"
        label="SEO title"
        value={draft.seoTitle}
        maxLength={MAX_SEO_TITLE}
        onChange={(e) => onChange({ seoTitle: e.target.value })}
        error={errorFor("seoTitle")}
        hint={`Optional; the headline is used when empty. ${draft.seoTitle.length} / ${MAX_SEO_TITLE}`}
      />
      <Field
        id="edit-seo-description"
        label="SEO description"
        value={draft.seoDescription}
        maxLength={MAX_SEO_DESCRIPTION}
        onChange={(e) => onChange({ seoDescription: e.target.value })}
        error={errorFor("seoDescription")}
        hint={`Optional; the standfirst is used when empty. ${draft.seoDescription.length} / ${MAX_SEO_DESCRIPTION}`}
      />
      <SeoPreview draft={draft} siteUrl={siteUrl} />
    </div>
  );
}
