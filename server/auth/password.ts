import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { COMMON_PASSWORDS } from "./common-passwords";

// Argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about 50 ms per
// hash here. Hashes made with other settings, and the scrypt hashes of earlier versions, still
// verify and are replaced on the next successful sign-in (needsRehash).
// algorithm 2 is Argon2id (the package exports it as a const enum, which isolated modules cannot read).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

/** The same password typed on any keyboard or system gives the same hash. */
const normalise = (password: string) => password.normalize("NFKC");

/** An Argon2id hash in the PHC string format (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
export function hashPassword(password: string): Promise<string> {
  return argon2Hash(normalise(password), ARGON2);
}

/** Whether a stored hash was made with other settings than today's (and should be replaced). */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

// Earlier versions: `scrypt$N$r$p$salt$hash` (base64url parts). Verified, never made.
const SCRYPT_MAX_MEM = 256 * 1024 * 1024;
function deriveScrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, { ...options, maxmem: SCRYPT_MAX_MEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, hash] = stored.split("$");
  if (!salt || !hash) return false;
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  if (![options.N, options.r, options.p].every(Number.isSafeInteger)) return false;
  // Only the settings earlier versions used: a stored hash cannot ask for gigabytes.
  if (options.N > 2 ** 17 || options.r > 8 || options.p > 1) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await deriveScrypt(password, Buffer.from(salt, "base64url"), options);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith("scrypt$")) return verifyScrypt(normalise(password), stored);
  if (!stored.startsWith("$argon2")) return false;
  try {
    return await argon2Verify(stored, normalise(password));
  } catch {
    // A malformed stored hash matches nothing.
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the time of a real check so that unknown emails answer as slowly as known ones. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(password, await dummy);
  return false;
}

const COMMON = new Set(COMMON_PASSWORDS);

/** Why a new password is refused beyond its length (checked by the schema), or null. */
export function weakPasswordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  const lower = normalise(password).toLowerCase();
  if (COMMON.has(lower)) return "That password is one of the most common ones: choose another.";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (context.email && (lower === context.email.toLowerCase() || (local && local.length >= 4 && lower === local)))
    return "A password may not be your email address.";
  if (context.name && lower === context.name.toLowerCase()) return "A password may not be your name.";
  if (/^(.)\1*$/u.test(lower)) return "A password may not be one character repeated.";
  return null;
}
