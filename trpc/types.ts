import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

// What components know of the server's data: the router's own inputs and outputs, named for
// the components that show them. Components import these, never server/.
export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** A row of the newsroom's article list. */
export type NewsroomArticle = RouterOutputs["article"]["list"]["articles"][number];
/** A group of the writer's or editors' desk. */
export type DashboardGroup = RouterOutputs["article"]["dashboard"][number];

type LiveLookup = Extract<RouterOutputs["site"]["article"], { kind: "live" }>;
/** A live story as the public page shows it. */
export type PublicArticle = LiveLookup["article"];
/** A live blog's entries, pinned entry and key events, as its public page shows them. */
export type PublicLiveBlog = NonNullable<LiveLookup["live"]>;
/** A story in a list: home, listings, related stories, search results. */
export type PublicCard = LiveLookup["related"][number];
/** One search hit: its card and the snippet with the matching words marked. */
export type SearchResult = NonNullable<RouterOutputs["site"]["search"]>["results"][number];

/** A comment thread as the workspace's comments panel shows it. */
export type CommentThread = RouterOutputs["comment"]["threads"][number];

/** A line of the story budget, with where it stands. */
export type BudgetLine = RouterOutputs["budget"]["get"];
