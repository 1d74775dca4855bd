import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "@20minutes/s3rver";
import { freePort } from "../server/db/embedded";

export interface TestS3 {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

/** A real S3-protocol server (s3rver) on loopback, files in a temporary directory, one empty bucket. */
export async function startS3(bucket = "masthead-media", fixedPort?: number): Promise<TestS3> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "masthead-s3-"));
  const port = fixedPort || (await freePort());
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
    // s3rver 4 computes a different signature than AWS SDK 3.11xx for bucket-level requests
    // (listing); object requests verify. Signing is the SDK's business, checked by real S3.
    allowMismatchedSignatures: true,
  });
  await server.run();
  // s3rver accepts any key pair; the SDK needs one.
  process.env.AWS_ACCESS_KEY_ID ??= "S3RVER";
  process.env.AWS_SECRET_ACCESS_KEY ??= "S3RVER";
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
