"use client";

import { useEffect, useState } from "react";
import { useTRPCClient } from "@/trpc/client";

const HEARTBEAT_MS = 15_000;

/** "Also editing: Sam": who else has this article open, refreshed while the page is open. */
export function AlsoEditing({ articleId }: { articleId: string }) {
  const client = useTRPCClient();
  const [others, setOthers] = useState<{ id: string; displayName: string }[]>([]);

  useEffect(() => {
    let active = true;
    const beat = () =>
      client.article.heartbeat
        .mutate({ id: articleId })
        .then((list) => active && setOthers(list))
        .catch(() => undefined);
    void beat();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void beat();
    }, HEARTBEAT_MS);
    const leave = () => void client.article.leave.mutate({ id: articleId }).catch(() => undefined);
    window.addEventListener("pagehide", leave);
    return () => {
      active = false;
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [articleId, client]);

  return (
    <p aria-live="polite" className="text-sm font-semibold text-indigo-900">
      {others.length > 0 ? `Also editing: ${others.map((o) => o.displayName).join(", ")}` : ""}
    </p>
  );
}
