/**
 * The most calls one tRPC request may batch. The server refuses larger batches with a 400 before
 * running any of them (a batch of 1,000 public reads used to take 30 s); the newsroom's client
 * splits its batches at the same size.
 */
export const MAX_BATCH_SIZE = 10;
