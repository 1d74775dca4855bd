"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useState } from "react";
import { useTRPCClient } from "@/trpc/client";
import { useArticleVersion } from "./article-version";

/** How often an open workspace asks whether the article changed elsewhere. */
const POLL_MS = 5_000;
/** Saves come every second or so while someone types: the page is refreshed once they pause. */
const SETTLE_MS = 700;

/**
 * Keeps everything the server renders about the article (status, allowed steps, "Unpublished
 * changes", the summary, versions, timeline) current without a reload: when the page's own
 * saves or steps, or anyone else's change (seen by a light poll of the version), make the
 * article newer than the page was rendered from, the page is refreshed in place. The editor
 * and everything typed stay as they are.
 */
export function LiveArticle({ articleId, renderedVersion }: { articleId: string; renderedVersion: number }) {
  const router = useRouter();
  const client = useTRPCClient();
  const { version } = useArticleVersion();
  const [serverVersion, setServerVersion] = useState(renderedVersion);
  const newest = Math.max(version, serverVersion);

  useEffect(() => {
    if (newest <= renderedVersion) return;
    const timer = setTimeout(() => startTransition(() => router.refresh()), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [newest, renderedVersion, router]);

  // Opening the article reads what the user was told about it (the header's count follows).
  useEffect(() => {
    client.notification.markRead
      .mutate({ articleId })
      .then((count) => {
        if (count > 0) startTransition(() => router.refresh());
      })
      .catch(() => undefined);
  }, [articleId, client, router]);

  useEffect(() => {
    let active = true;
    const timer = setInterval(() => {
      if (document.visibilityState !== "visible") return;
      client.article.pulse
        .query({ id: articleId })
        .then((pulse) => active && setServerVersion(pulse.version))
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [articleId, client]);

  return null;
}
