import type { Metadata } from "next";
import { offeredSections } from "@/lib/sections";
import { BudgetLineForm } from "@/components/newsroom/budget/budget-line-form";
import { isDay } from "@/lib/budget";
import { can } from "@/server/auth/permissions";
import { requireNewsroomUser } from "@/server/auth/session";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Plan a story" };

export default async function NewBudgetLinePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requireNewsroomUser();
  const { day } = await searchParams;
  const caller = await api();
  const [sections, people] = await Promise.all([caller.article.sections(), caller.article.possibleAuthors()]);
  const planner = can(me.role, "budget.plan");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{planner ? "Plan a story" : "Propose an idea"}</h1>
      <p className="mb-6 text-neutral-700">
        {planner
          ? "It goes on the budget for its day; with a reporter on it, it is assigned and shows on their desk."
          : "Editors see it on the budget and can assign it."}
      </p>
      <BudgetLineForm
        line={null}
        initial={{
          title: "",
          angle: "",
          sectionId: "",
          priority: "2",
          plannedDay: typeof day === "string" && isDay(day) ? day : "",
          windowStart: "",
          windowEnd: "",
          targetWords: "",
          deadline: "",
          assignees: [],
        }}
        sections={offeredSections(sections, null)}
        people={people}
        canAssign={planner}
        readOnly={false}
      />
    </>
  );
}
