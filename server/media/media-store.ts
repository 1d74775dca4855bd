import { appEnv } from "../env";
import { LocalDiskStorage, type MediaStorage } from "./storage";

const state = globalThis as { mastheadMediaStore?: MediaStorage };

/** The media store of this server process (the data directory's media folder by default). */
export function mediaStore(): MediaStorage {
  state.mastheadMediaStore ??= new LocalDiskStorage(appEnv().mediaDir);
  return state.mastheadMediaStore;
}
