/**
 * The most calls one tRPC request may batch. The server refuses larger batches with a 400 before
 * running any of them (a batch of 1,000 public reads used to take 30 s); the newsroom's client
 * splits its batches at the same size.
 */
export const MAX_BATCH_SIZE = 10;

/** The largest request body the API takes in general: sign-in, tRPC calls, anything else posted. */
export const MAX_API_BODY_BYTES = 1024 * 1024;
/** Markdown import sends a file of up to 1 MB as a JSON string, which escaping can make longer. */
export const MAX_IMPORT_BODY_BYTES = 3 * 1024 * 1024;
/** Public pages take no body at all; a little room for clients that send one anyway. */
export const MAX_OTHER_BODY_BYTES = 64 * 1024;
