import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { typeForFileName } from "./image-type";
import { MediaStoreError, SAFE_NAME, type MediaStorage, type MediaStoreState } from "./storage";

export interface S3Settings {
  bucket: string;
  /** An S3-compatible server's address (MinIO, Garage, R2…); AWS itself when unset. */
  endpoint?: string;
  region: string;
  /** Bucket in the path (http://host/bucket/key), as most self-hosted servers want. */
  forcePathStyle: boolean;
}

// The pinned SDK (package.json) runs on Node 20; it would print at start that later versions,
// from January 2027, will need Node 22. That is for whoever upgrades it, not for operators' logs.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/** Error names S3-compatible servers use for "no room". */
const FULL = new Set(["XMinioStorageFull", "QuotaExceeded", "InsufficientStorage", "EntityTooLarge"]);

function writeError(error: unknown): MediaStoreError {
  const name = error instanceof S3ServiceException ? error.name : "";
  if (FULL.has(name) || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 507))
    return new MediaStoreError("full", "The media store is full: nothing was saved. Tell your administrator.");
  return new MediaStoreError(
    "unavailable",
    "The media store cannot be reached or refused the file: nothing was saved. Try again, or tell your administrator.",
  );
}

/**
 * Media in an S3-compatible bucket (MASTHEAD_S3_BUCKET…), shared by every instance. Objects
 * are written whole by one PUT, so a reader never sees half a file; credentials come from the
 * standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the SDK's other sources).
 */
export class S3Storage implements MediaStorage {
  private readonly client: S3Client;

  constructor(
    private readonly settings: S3Settings,
    client?: S3Client,
  ) {
    this.client =
      client ??
      new S3Client({
        region: settings.region,
        endpoint: settings.endpoint,
        forcePathStyle: settings.forcePathStyle,
        // Fail a request in seconds, not after the SDK's long default waits.
        requestHandler: { connectionTimeout: 3_000, requestTimeout: 60_000 },
        maxAttempts: 3,
        // Checksums only where S3 requires them: many S3-compatible servers reject the SDK's
        // newer default (streamed, trailing checksums).
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      });
  }

  private key(name: string): string {
    if (!SAFE_NAME.test(name)) throw new Error(`Unsafe media name: ${name}`);
    return name;
  }

  async put(name: string, data: Buffer): Promise<void> {
    const Key = this.key(name);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.settings.bucket,
          Key,
          Body: data,
          ContentType: typeForFileName(name) ?? "application/octet-stream",
          ContentLength: data.length,
        }),
      );
    } catch (error) {
      // If the answer was lost after the object was stored, do not leave it behind.
      await this.remove(name).catch(() => undefined);
      throw writeError(error);
    }
  }

  async get(name: string): Promise<Buffer | null> {
    let Key: string;
    try {
      Key = this.key(name);
    } catch {
      return null;
    }
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key }));
      return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : null;
    } catch (error) {
      if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404))
        return null;
      throw error;
    }
  }

  async remove(name: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.key(name) }));
  }

  async check(): Promise<MediaStoreState> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.settings.bucket }));
      return "ok";
    } catch {
      return "unavailable";
    }
  }

  async *names(): AsyncGenerator<string> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.settings.bucket, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}
