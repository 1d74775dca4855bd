// `npm run user:create -- --email a@b.c --name "Ann Bell" --role ADMIN`
// The password is read from a hidden prompt, or from the first line of standard input when
// piped; never from the command line, where it would land in shell history.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { z } from "zod";
import { createUserInput } from "../lib/schemas/user";
import { createDb } from "../server/db/client";
import { DomainError } from "../server/errors";
import { createUser } from "../server/services/users";
import { openDatabaseFor, runCli } from "./lib/cli";

const USAGE = 'Usage: npm run user:create -- --email <email> --name "<display name>" --role WRITER|EDITOR|ADMIN';

async function readPiped(): Promise<string> {
  let data = "";
  for await (const chunk of process.stdin) data += String(chunk);
  return data.split(/\r?\n/)[0] ?? "";
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    output._writeToOutput = (text: string) => {
      if (text.startsWith(question)) process.stdout.write(question);
    };
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await promptHidden("Password: ");
  const second = await promptHidden("Repeat password: ");
  if (first !== second) throw new DomainError("BAD_REQUEST", "The two passwords differ.");
  return first;
}

runCli(async (env) => {
  let values: { email?: string; name?: string; role?: string };
  try {
    ({ values } = parseArgs({
      options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "WRITER" } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
  const password = await readPassword().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return null;
  });
  if (password === null) return 1;
  const input = createUserInput.safeParse({
    email: values.email,
    displayName: values.name,
    role: values.role?.toUpperCase(),
    password,
  });
  if (!input.success) {
    for (const [field, messages] of Object.entries(z.flattenError(input.error).fieldErrors)) {
      console.error(`${field}: ${(messages as string[]).join("; ")}`);
    }
    console.error(USAGE);
    return 2;
  }
  const database = await openDatabaseFor(env);
  const db = createDb(database.url, { max: 2 });
  try {
    const user = await createUser(db, input.data);
    console.log(`Created ${user.role.toLowerCase()} ${user.displayName} <${user.email}>.`);
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
    await database.close();
  }
});
