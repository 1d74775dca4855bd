// The S3-protocol server the end-to-end instances share (playwright.config.ts starts it): s3rver
// on loopback, one empty bucket, files in a fresh temporary directory, until it is stopped.
import { startS3 } from "../../tests/s3";

const port = Number(process.env.E2E_S3_PORT);
const bucket = process.env.E2E_S3_BUCKET ?? "masthead-e2e";

startS3(bucket, port).then(
  (s3) => {
    console.log(`e2e: S3 server at ${s3.endpoint}, bucket ${s3.bucket}`);
    for (const signal of ["SIGINT", "SIGTERM"] as const)
      process.once(signal, () => void s3.stop().finally(() => process.exit(0)));
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
