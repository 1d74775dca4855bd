"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { describeError } from "@/trpc/errors";
import { useTRPC } from "@/trpc/client";
import { Button } from "../ui/button";

export function NotificationsList() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.notification.list.queryOptions());
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.notification.list.queryKey() });
        router.refresh();
      },
    }),
  );

  if (list.isPending) return <p>Loading…</p>;
  if (list.isError) return <p role="alert">Could not load notifications: {describeError(list.error).message}</p>;
  const unread = list.data.filter((n) => !n.readAt);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <Button
          type="button"
          variant="secondary"
          disabled={unread.length === 0 || markRead.isPending}
          onClick={() => markRead.mutate({})}
        >
          Mark all as read
        </Button>
      </div>
      {list.data.length === 0 ? <p>No notifications yet.</p> : null}
      <ul className="flex flex-col divide-y divide-neutral-200">
        {list.data.map((n) => (
          <li
            key={n.id}
            className={`flex flex-wrap items-start justify-between gap-3 py-3 ${n.readAt ? "text-neutral-700" : ""}`}
          >
            <div>
              <p className={n.readAt ? "" : "font-semibold"}>
                {n.readAt ? null : <span className="sr-only">Unread: </span>}
                <Link
                  href={
                    n.articleId
                      ? `/newsroom/articles/${n.articleId}`
                      : n.budgetItemId
                        ? `/newsroom/budget/${n.budgetItemId}`
                        : "/newsroom/admin/webhooks"
                  }
                  className="hover:underline"
                  onClick={() => (n.readAt ? undefined : markRead.mutate({ ids: [n.id] }))}
                >
                  {n.message}
                </Link>
              </p>
              <p className="text-sm text-neutral-700">
                <time dateTime={n.createdAt.toISOString()}>
                  {n.createdAt.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </p>
            </div>
            {n.readAt ? null : (
              <Button
                type="button"
                variant="secondary"
                aria-label={`Mark as read: ${n.message}`}
                onClick={() => markRead.mutate({ ids: [n.id] })}
              >
                Mark as read
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
