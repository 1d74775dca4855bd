"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

// The version of the article this page last knew. Every accepted change returns the new
// version at once, so a user who saves and then submits straight away does not collide with
// their own save while the page is still refreshing. Versions only increase: the newer of
// the server's and the last mutation's is current.

const VersionContext = createContext<{ version: number; setVersion: (version: number) => void } | null>(null);

export function ArticleVersionProvider({ version, children }: { version: number; children: ReactNode }) {
  const [local, setLocal] = useState(version);
  return (
    <VersionContext.Provider value={{ version: Math.max(local, version), setVersion: (next) => setLocal((current) => Math.max(current, next)) }}>
      {children}
    </VersionContext.Provider>
  );
}

export function useArticleVersion() {
  const context = useContext(VersionContext);
  if (!context) throw new Error("useArticleVersion needs an ArticleVersionProvider");
  return context;
}
