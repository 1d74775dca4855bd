"use client";

import { Field } from "../../ui/field";
import { LibraryImagePicker } from "../media/library-image-picker";
import type { ArticleDraft } from "./article-draft";

type HeroPatch = Pick<ArticleDraft, "heroImageUrl" | "heroImageAlt" | "heroImageCaption" | "heroImageCredit">;

/** The hero image: chosen from (or uploaded to) the media library, with caption, credit and alt text. */
export function HeroImageFields({
  draft,
  errorFor,
  onChange,
}: {
  draft: ArticleDraft;
  errorFor: (field: string) => string | undefined;
  onChange: (patch: Partial<HeroPatch>) => void;
}) {
  return (
    <div className="flex flex-col gap-3">
      <LibraryImagePicker
        url={draft.heroImageUrl}
        alt={draft.heroImageAlt}
        onChoose={(hero) =>
          onChange({
            heroImageUrl: hero.url,
            heroImageAlt: hero.alt,
            heroImageCaption: hero.caption,
            heroImageCredit: hero.credit,
          })
        }
        onRemove={() => onChange({ heroImageUrl: "", heroImageAlt: "", heroImageCaption: "", heroImageCredit: "" })}
      />
      {draft.heroImageUrl ? (
        <>
          <Field
            id="edit-caption"
            label="Caption"
            value={draft.heroImageCaption}
            onChange={(e) => onChange({ heroImageCaption: e.target.value })}
            error={errorFor("heroImageCaption")}
          />
          <Field
            id="edit-credit"
            label="Credit"
            value={draft.heroImageCredit}
            onChange={(e) => onChange({ heroImageCredit: e.target.value })}
            error={errorFor("heroImageCredit")}
          />
          <Field
            id="edit-alt"
            label="Alt text"
            value={draft.heroImageAlt}
            onChange={(e) => onChange({ heroImageAlt: e.target.value })}
            error={errorFor("heroImageAlt")}
          />
        </>
      ) : null}
    </div>
  );
}
