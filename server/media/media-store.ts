import { appEnv } from "../env";
import { LocalDiskStorage, type MediaStorage } from "./storage";

export interface MediaStoreSettings {
  mediaDir: string;
  MASTHEAD_S3_BUCKET?: string;
  MASTHEAD_S3_ENDPOINT?: string;
  MASTHEAD_S3_REGION: string;
  MASTHEAD_S3_FORCE_PATH_STYLE: boolean;
}

/** Loads a store's code on first use: the S3 client is a large library a server on local disk never needs. */
function loadedOnFirstUse(load: () => Promise<MediaStorage>): MediaStorage {
  let loaded: Promise<MediaStorage> | null = null;
  const store = () => (loaded ??= load());
  return {
    put: async (name, data) => (await store()).put(name, data),
    get: async (name) => (await store()).get(name),
    remove: async (name) => (await store()).remove(name),
    check: async () => (await store()).check(),
    async *names() {
      yield* (await store()).names();
    },
  };
}

/** The S3 bucket when MASTHEAD_S3_BUCKET is set (several instances share it); else the data directory's media folder. */
export function createMediaStore(env: MediaStoreSettings): MediaStorage {
  const bucket = env.MASTHEAD_S3_BUCKET;
  if (bucket)
    return loadedOnFirstUse(async () => {
      const { S3Storage } = await import("./s3-storage");
      return new S3Storage({
        bucket,
        endpoint: env.MASTHEAD_S3_ENDPOINT,
        region: env.MASTHEAD_S3_REGION,
        forcePathStyle: env.MASTHEAD_S3_FORCE_PATH_STYLE,
      });
    });
  return new LocalDiskStorage(env.mediaDir);
}

/** Says where media live, for the start-up log. */
export const describeMediaStore = (env: MediaStoreSettings) =>
  env.MASTHEAD_S3_BUCKET
    ? `media in the S3 bucket ${env.MASTHEAD_S3_BUCKET}${env.MASTHEAD_S3_ENDPOINT ? ` at ${env.MASTHEAD_S3_ENDPOINT}` : ""}`
    : `media in ${env.mediaDir}`;

const state = globalThis as { mastheadMediaStore?: MediaStorage };

/** The media store of this server process. */
export function mediaStore(): MediaStorage {
  state.mastheadMediaStore ??= createMediaStore(appEnv());
  return state.mastheadMediaStore;
}
