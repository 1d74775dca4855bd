import type { Metadata } from "next";
import { offeredSections } from "@/lib/sections";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { BudgetLineActionsBar } from "@/components/newsroom/budget/budget-line-actions-bar";
import { BudgetLineForm } from "@/components/newsroom/budget/budget-line-form";
import { BudgetStateBadge } from "@/components/newsroom/budget/budget-state-badge";
import { StatusBadge } from "@/components/newsroom/status-badge";
import { formatDay } from "@/lib/budget";
import { budgetItemIdSchema } from "@/lib/schemas/budget";
import { formatTimeInZone, toZonedInput } from "@/lib/time-zone";
import { can } from "@/server/auth/permissions";
import { requireNewsroomUser } from "@/server/auth/session";
import { appEnv } from "@/server/env";
import { budgetRefusal } from "@/server/workflow/budget";
import { api } from "@/trpc/server";
import type { BudgetLine } from "@/trpc/types";

export const metadata: Metadata = { title: "Budget line" };

async function load(id: string): Promise<BudgetLine> {
  try {
    return await (await api()).budget.get({ id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function BudgetLinePage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireNewsroomUser();
  const { id } = await params;
  if (!budgetItemIdSchema.safeParse(id).success) notFound();
  const line = await load(id);
  const caller = await api();
  const [sections, people] = await Promise.all([caller.article.sections(), caller.article.possibleAuthors()]);
  const timeZone = appEnv().MASTHEAD_TIME_ZONE;
  const planner = can(me.role, "budget.plan");
  // The same rules the server applies (server/workflow/budget.ts).
  const facts = { state: line.state, hasStory: line.article !== null };
  const actor = {
    role: me.role,
    isCreator: line.createdById === me.id,
    isReporter: line.assignees.some((a) => a.role === "REPORTER" && a.user.id === me.id),
  };
  const mayEdit = budgetRefusal("edit", facts, actor) === null;
  const clock = (date: Date | null) => (date ? formatTimeInZone(date, timeZone) : "");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm">
          <Link
            href={`/newsroom/budget${line.plannedDay ? `?day=${line.plannedDay}` : ""}`}
            className="underline print:hidden"
          >
            {line.plannedDay ? `The budget for ${formatDay(line.plannedDay)}` : "The budget"}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{line.title}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <BudgetStateBadge state={line.state} />
          <span>Proposed by {line.createdBy.displayName}</span>
          {line.article ? (
            <Link href={`/newsroom/articles/${line.article.id}`} className="inline-flex items-center gap-2 underline">
              Open the story <StatusBadge status={line.article.status} />
            </Link>
          ) : null}
        </p>
      </div>
      <BudgetLineActionsBar
        id={line.id}
        version={line.version}
        title={line.title}
        state={line.state}
        canStart={budgetRefusal("startWriting", facts, actor) === null}
        canKill={budgetRefusal(line.state === "KILLED" ? "revive" : "kill", facts, actor) === null}
      />
      {mayEdit ? null : (
        <p className="text-sm text-neutral-700">
          {line.createdById === me.id
            ? "An editor has assigned this line: ask the desk to change it."
            : "Editors change this line."}
        </p>
      )}
      <BudgetLineForm
        line={{ id: line.id, version: line.version }}
        initial={{
          title: line.title,
          angle: line.angle,
          sectionId: line.section?.id ?? "",
          priority: String(line.priority),
          plannedDay: line.plannedDay ?? "",
          windowStart: clock(line.windowStart),
          windowEnd: clock(line.windowEnd),
          targetWords: line.targetWords ? String(line.targetWords) : "",
          deadline: line.deadline ? toZonedInput(line.deadline, timeZone) : "",
          assignees: line.assignees.map((a) => ({ userId: a.user.id, role: a.role })),
        }}
        sections={offeredSections(sections, line.section?.id)}
        people={people}
        canAssign={planner}
        readOnly={!mayEdit}
      />
    </div>
  );
}
