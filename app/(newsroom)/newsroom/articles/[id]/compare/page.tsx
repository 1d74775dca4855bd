import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { RestoreVersion } from "@/components/newsroom/article/restore-version";
import { BodyDiff, diffSummary, FieldChanges } from "@/components/newsroom/article/version-diff";
import { Button } from "@/components/ui/button";
import { REVISION_LABELS } from "@/lib/revision-kinds";
import { compareVersionsInput } from "@/lib/schemas/article";
import { formatInZone } from "@/lib/time-zone";
import { requireNewsroomUser } from "@/server/auth/session";
import { appEnv } from "@/server/env";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Compare versions" };

function VersionSelect({
  name,
  label,
  options,
  value,
}: {
  name: string;
  label: string;
  options: { value: string; text: string }[];
  value: string;
}) {
  return (
    <label className="flex flex-col gap-1">
      <span className="font-semibold">{label}</span>
      <select name={name} defaultValue={value} className="rounded border border-neutral-500 bg-white px-3 py-2">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Two versions of an article side by side in one text: words that changed marked. */
export default async function CompareVersionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = await searchParams;
  await requireNewsroomUser(`/newsroom/articles/${encodeURIComponent(id)}/compare`);
  const caller = await api();
  const versions = await caller.article.revisions({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  });
  if (!versions) notFound();
  const timeZone = appEnv().MASTHEAD_TIME_ZONE;
  const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
  const input = compareVersionsInput.safeParse({
    id,
    from: one(query.from) ?? versions[0]?.id ?? "current",
    to: one(query.to) ?? "current",
  });
  const [article, result] = await Promise.all([
    caller.article.get({ id }),
    input.success
      ? caller.article.compare(input.data).catch((error: unknown) => {
          if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
          throw error;
        })
      : null,
  ]);
  const label = (v: { kind: keyof typeof REVISION_LABELS; at: Date; by: string | null }) =>
    v.kind === "CURRENT"
      ? `The working copy (${formatInZone(v.at, timeZone)})`
      : `${formatInZone(v.at, timeZone)}, ${REVISION_LABELS[v.kind]}${v.by ? ` by ${v.by}` : ""}`;
  const options = [
    { value: "current", text: "The working copy" },
    ...versions.map((v) => ({
      value: v.id,
      text: `${formatInZone(v.updatedAt, timeZone)}, ${REVISION_LABELS[v.kind]}${v.live ? " (live)" : ""} — ${v.createdBy?.displayName ?? "Scheduler"}`,
    })),
  ];

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <p className="text-sm">
          <Link href={`/newsroom/articles/${id}`} className="underline">
            Back to “{article.headline}”
          </Link>
        </p>
        <h1 className="mt-2 font-serif text-3xl font-bold">Compare versions</h1>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-4 text-sm" aria-label="Versions to compare">
        <VersionSelect
          name="from"
          label="From (older)"
          options={options}
          value={input.success ? input.data.from : "current"}
        />
        <VersionSelect
          name="to"
          label="To (newer)"
          options={options}
          value={input.success ? input.data.to : "current"}
        />
        <Button type="submit">Compare</Button>
      </form>
      {!result ? (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900">
          Those versions are not this article&apos;s. Choose two from the lists.
        </p>
      ) : (
        <>
          <section aria-labelledby="compared-heading" className="flex flex-col gap-3">
            <h2 id="compared-heading" className="sr-only">
              What changed
            </h2>
            <p className="text-sm">
              From <strong>{label(result.from)}</strong> to <strong>{label(result.to)}</strong>.{" "}
              {diffSummary(result.body)}
            </p>
            <p className="text-sm text-neutral-700">
              <del className="diff-removed">Struck through</del>: only in the older version.{" "}
              <ins className="diff-added">Underlined</ins>: only in the newer one.
            </p>
            <FieldChanges changes={result.fields} />
          </section>
          <section aria-labelledby="body-diff-heading">
            <h2 id="body-diff-heading" className="mb-3 text-sm font-bold uppercase tracking-wide text-neutral-700">
              Body
            </h2>
            <BodyDiff diff={result.body} />
          </section>
          {article.canEdit && result.from.ref !== "current" ? (
            <RestoreVersion articleId={id} revisionId={result.from.ref} version={article.version} />
          ) : null}
        </>
      )}
    </div>
  );
}
