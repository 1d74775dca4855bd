import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False in the server's HTML and until React has taken over the page, then true. Forms keep
 * their submit button disabled until then, so a click before the script has loaded is not
 * sent as a plain form post and lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
