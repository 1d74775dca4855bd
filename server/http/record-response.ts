import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

export interface RecordedResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

type WriteCallback = (error?: Error | null) => void;

function toBuffer(chunk: unknown, encoding: unknown): Buffer | null {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === "string")
    return Buffer.from(chunk, typeof encoding === "string" && Buffer.isEncoding(encoding) ? encoding : "utf8");
  return null;
}

/**
 * Records what a response sends (status, headers, body bytes as written, so compressed when
 * Next compressed it) while passing everything through unchanged. `result()` gives the record
 * once the response has finished, or null if it cannot be replayed exactly.
 */
export function recordResponse(res: ServerResponse, maxBodyBytes: number): { result(): RecordedResponse | null } {
  const chunks: Buffer[] = [];
  let size = 0;
  let replayable = true;
  let head: { status: number; headers: OutgoingHttpHeaders } | null = null;

  const keep = (chunk: unknown, encoding: unknown) => {
    if (!replayable || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = toBuffer(chunk, encoding);
    if (!buffer) return void (replayable = false);
    size += buffer.length;
    if (size > maxBodyBytes) {
      replayable = false;
      chunks.length = 0;
      return;
    }
    chunks.push(buffer);
  };

  const writeHead = res.writeHead;
  res.writeHead = function recordedWriteHead(this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const given = rest.find((arg) => typeof arg === "object" && arg !== null);
    if (Array.isArray(given)) replayable = false;
    const headers: OutgoingHttpHeaders = { ...res.getHeaders() };
    if (given && !Array.isArray(given)) {
      for (const [name, value] of Object.entries(given as OutgoingHttpHeaders)) headers[name.toLowerCase()] = value;
    }
    head = { status: statusCode, headers };
    return writeHead.apply(this, [statusCode, ...rest] as Parameters<typeof writeHead>);
  } as typeof res.writeHead;

  const write = res.write;
  res.write = function recordedWrite(
    this: ServerResponse,
    chunk: unknown,
    encoding?: unknown,
    callback?: WriteCallback,
  ) {
    keep(chunk, encoding);
    return write.call(this, chunk, encoding as BufferEncoding, callback as WriteCallback);
  } as typeof res.write;

  const end = res.end;
  res.end = function recordedEnd(this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: () => void) {
    keep(chunk, encoding);
    return end.call(this, chunk, encoding as BufferEncoding, callback);
  } as typeof res.end;

  return {
    result() {
      if (!replayable || !head || !res.writableFinished) return null;
      return { status: head.status, headers: head.headers, body: Buffer.concat(chunks, size) };
    },
  };
}
