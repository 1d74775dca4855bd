import Link from "next/link";
import { SelectField } from "../ui/select-field";
import { STATUS_LABELS } from "@/lib/article-status";
import { CONTRIBUTOR_KIND_LABELS, type ContributorKindName } from "@/lib/schemas/contributor";
import {
  ARTICLE_STATUSES,
  articleListInput,
  LIST_SORT_LABELS,
  LIST_SORTS,
  type ArticleListInput,
} from "@/lib/schemas/article-list";

// The article list's filters as a plain form that sends them in the address (GET): a view is
// a link to share, it survives a reload, and it works before any script has loaded.

export type ListParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const many = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

/** The list's query from the address; a problem (a broken link) said in words. */
export function filtersFrom(params: ListParams): { query: ArticleListInput; problem: string | null } {
  const blank = (value: string) => (value === "" ? null : value);
  const parsed = articleListInput.safeParse({
    q: one(params.q),
    status: many(params.status),
    sectionId: blank(one(params.section)),
    authorId: blank(one(params.author)),
    assigneeId: blank(one(params.assignee)),
    tag: one(params.tag),
    from: blank(one(params.from)),
    to: blank(one(params.to)),
    sort: one(params.sort) || "updated",
    cursor: blank(one(params.cursor)),
  });
  if (parsed.success) return { query: parsed.data, problem: null };
  return {
    query: articleListInput.parse({}),
    problem: `This view cannot be shown: ${parsed.error.issues[0]?.message ?? "a filter is not valid"}.`,
  };
}

const inputClass = "rounded border border-neutral-500 px-3 py-2 text-base";

export function ArticleFilters({
  params,
  sections,
  people,
  contributors,
}: {
  params: ListParams;
  sections: { id: string; name: string }[];
  people: { id: string; displayName: string }[];
  /** Bylines without an account: a story crediting one is found by the author filter too. */
  contributors: { id: string; name: string; kind: ContributorKindName }[];
}) {
  const statuses = many(params.status);
  const personOptions = people.map((p) => ({ value: p.id, label: p.displayName }));
  const authorOptions = [
    ...personOptions,
    ...contributors.map((c) => ({
      value: c.id,
      label: `${c.name} (${CONTRIBUTOR_KIND_LABELS[c.kind].toLowerCase()})`,
    })),
  ];
  return (
    <form method="get" action="/newsroom/articles" role="search" aria-label="Articles" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="list-q" className="text-sm font-semibold">
            Search headline, standfirst and text
          </label>
          <input id="list-q" name="q" type="search" defaultValue={one(params.q)} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="list-sort" className="text-sm font-semibold">
            Sort by
          </label>
          <select id="list-sort" name="sort" defaultValue={one(params.sort) || "updated"} className={inputClass}>
            {LIST_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {LIST_SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-semibold">Status</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {ARTICLE_STATUSES.map((status) => (
            <label key={status} className="inline-flex items-center gap-1 text-sm">
              <input type="checkbox" name="status" value={status} defaultChecked={statuses.includes(status)} />
              {STATUS_LABELS[status]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          id="list-section"
          name="section"
          label="Section"
          defaultValue={one(params.section)}
          options={sections.map((s) => ({ value: s.id, label: s.name }))}
          placeholder="Any section"
        />
        <SelectField
          id="list-author"
          name="author"
          label="Author"
          defaultValue={one(params.author)}
          options={authorOptions}
          placeholder="Anyone"
        />
        <SelectField
          id="list-assignee"
          name="assignee"
          label="Assigned to"
          defaultValue={one(params.assignee)}
          options={personOptions}
          placeholder="Anyone"
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="list-tag" className="text-sm font-semibold">
            Tag
          </label>
          <input id="list-tag" name="tag" defaultValue={one(params.tag)} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="list-from" className="text-sm font-semibold">
            From (the sort&apos;s date)
          </label>
          <input id="list-from" name="from" type="date" defaultValue={one(params.from)} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="list-to" className="text-sm font-semibold">
            To
          </label>
          <input id="list-to" name="to" type="date" defaultValue={one(params.to)} className={inputClass} />
        </div>
      </div>
      <div className="flex items-center gap-4">
        <button
          type="submit"
          className="rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white hover:bg-neutral-700"
        >
          Show articles
        </button>
        <Link href="/newsroom/articles" className="text-sm underline">
          Clear the filters
        </Link>
      </div>
    </form>
  );
}
