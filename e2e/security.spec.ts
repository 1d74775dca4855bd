import { expect, test } from "@playwright/test";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { storageState, type RoleKey } from "./fixtures/accounts";
import { listeningPid, postBytes, residentMb } from "./fixtures/server-process";
import { FROM_SITE } from "./fixtures/site";

// Requests a client may send to hurt the server or its users, against the production server:
// each is refused quickly with a 4xx and a message, and the server keeps answering.

/** The signed-in cookies of a demo account, for requests made outside Playwright's client. */
async function cookieHeader(role: RoleKey): Promise<string> {
  const state = JSON.parse(await readFile(storageState(role), "utf8")) as {
    cookies: { name: string; value: string }[];
  };
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

const batch = (count: number) => `/api/trpc/${Array.from({ length: count }, () => "site.home").join(",")}?batch=1`;

test("a tRPC batch of more than 10 calls is refused before any of them runs", async ({ request }) => {
  const allowed = await request.get(batch(10));
  expect(allowed.status()).toBe(200);
  expect(((await allowed.json()) as unknown[]).length).toBe(10);

  for (const count of [11, 1000]) {
    const refused = await request.get(batch(count));
    expect(refused.status(), `${count} calls`).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("Batch call exceeds maximum size");
  }
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("Next's image optimizer is not reachable", async ({ request }) => {
  for (const url of ["/media/./x.jpg", "/logo.png", "/apple-touch-icon.png"]) {
    const response = await request.get(`/_next/image?url=${encodeURIComponent(url)}&w=3840&q=75`);
    expect(response.status(), url).toBe(404);
  }
});

test.describe("signed in", () => {
  test.use({ storageState: storageState("admin") });

  test("newsroom pages and API answers are never stored by caches", async ({ request }) => {
    const people = await request.get(`/api/trpc/user.list?input=${encodeURIComponent(JSON.stringify({ json: null }))}`);
    expect(people.status()).toBe(200);
    expect(people.headers()["cache-control"]).toContain("no-store");
    const desk = await request.get("/newsroom");
    expect(desk.status()).toBe(200);
    expect(desk.headers()["cache-control"]).toContain("no-store");
    const upload = await request.post("/api/media", {
      headers: FROM_SITE,
      multipart: { file: { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("x") } },
    });
    expect(upload.status()).toBe(400);
    expect(upload.headers()["cache-control"]).toContain("no-store");
  });
});

test("malformed addresses get a 4xx without internal text", async ({ request }) => {
  for (const path of [
    "/api/trpc/%ff",
    "/api/trpc/site.home%ff",
    "/media/..%c0%af",
    "/media/%ff",
    "/media/..%2f..%2fetc%2fpasswd",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBeGreaterThanOrEqual(400);
    expect(response.status(), path).toBeLessThan(500);
    expect(await response.text(), path).not.toMatch(/prisma|invocation|stack|at \w+ \(/i);
  }
});

test.describe("as a writer", () => {
  test.use({ storageState: storageState("writer") });

  test("a NUL in a headline and a 1,000-deep body are refused with a message", async ({ request }) => {
    const created = await request.post("/api/trpc/article.create", {
      headers: FROM_SITE,
      data: { json: { headline: "Deep test" } },
    });
    const { id, version } = ((await created.json()) as { result: { data: { json: { id: string; version: number } } } })
      .result.data.json;
    let deep: unknown = { type: "text", text: "bottom" };
    for (let i = 0; i < 1000; i += 1) deep = { type: "blockquote", content: [deep] };
    const update = (changes: Record<string, unknown>) =>
      request.post("/api/trpc/article.update", {
        headers: FROM_SITE,
        data: {
          json: {
            id,
            version,
            headline: "Deep test",
            standfirst: "",
            sectionId: null,
            body: { type: "doc", content: [{ type: "paragraph" }] },
            heroImageCaption: null,
            heroImageCredit: null,
            heroImageAlt: null,
            ...changes,
          },
        },
      });
    for (const changes of [{ headline: "Harbour\u0000news" }, { body: { type: "doc", content: [deep] } }]) {
      const response = await update(changes);
      expect(response.status()).toBe(400);
      const text = await response.text();
      expect(text).not.toMatch(/prisma|invocation|Maximum call stack|22P05/i);
      expect(JSON.parse(text)).toMatchObject({ error: { json: { message: expect.any(String) } } });
    }
  });
});

test("oversize bodies, chunked or declared, are refused early while the server keeps answering", async ({
  baseURL,
  request,
}) => {
  test.setTimeout(120_000);
  const base = baseURL ?? "";
  const pid = listeningPid(Number(new URL(base).port));
  const before = residentMb(pid);
  const MB = 1024 * 1024;
  const attempts: {
    path: string;
    total: number;
    declare?: number;
    fill?: string;
    headers: Record<string, string>;
  }[] = [
    // Signed out, 200 MB with no Content-Length to the sign-in callback.
    {
      path: "/api/auth/callback/credentials",
      total: 200 * MB,
      headers: { ...FROM_SITE, "content-type": "application/x-www-form-urlencoded" },
    },
    // 250 MB of JSON to tRPC, declared up front: refused without reading it.
    {
      path: "/api/trpc/notification.markRead",
      total: 250 * MB,
      declare: 250 * MB,
      fill: "[",
      headers: { ...FROM_SITE, "content-type": "application/json" },
    },
    // A chunked 200 MB upload: counted as it arrives, stopped at 15 MB.
    {
      path: "/api/media",
      total: 200 * MB,
      headers: {
        ...FROM_SITE,
        "content-type": "multipart/form-data; boundary=x",
        cookie: await cookieHeader("writer"),
      },
    },
  ];
  let healthChecks = 0;
  let stop = false;
  const health = (async () => {
    while (!stop) {
      expect((await request.get("/api/health")).status()).toBe(200);
      healthChecks += 1;
    }
  })();
  try {
    for (const attempt of attempts) {
      const answer = await postBytes(base, attempt.path, attempt.total, attempt);
      expect(answer.status, attempt.path).toBe(413);
      expect(answer.body, attempt.path).toMatch(/too large/);
      // The answer came long before the whole body was sent.
      expect(answer.sent, attempt.path).toBeLessThan(attempt.total / 4);
    }
  } finally {
    stop = true;
    await health;
  }
  expect(healthChecks).toBeGreaterThan(0);
  const after = residentMb(pid);
  console.log(`front server RSS: ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after`);
  expect(after - before).toBeLessThan(100);
});

test("a path with broken %-encoding is a 400 from the front server", async ({ request }) => {
  const response = await request.get("/articles/%e0%a4%a");
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("broken %-encoding");
});

test.describe("cross-site writes, as a signed-in writer", () => {
  test.use({ storageState: storageState("writer") });

  test("are refused from another site or from nowhere, and the session still works", async ({ request }) => {
    const notifications = `/api/trpc/notification.list?input=${encodeURIComponent(JSON.stringify({ json: null }))}`;
    const attempts = [
      () =>
        request.post("/api/trpc/notification.markRead", {
          headers: { origin: "http://evil.example" },
          multipart: { id: "00000000-0000-4000-8000-000000000000" },
        }),
      () =>
        request.post("/api/media", {
          headers: { origin: "http://evil.example" },
          multipart: { file: { name: "a.png", mimeType: "image/png", buffer: Buffer.from("x") } },
        }),
      () =>
        request.post("/api/trpc/article.create", {
          headers: { "sec-fetch-site": "cross-site" },
          data: { json: { headline: "Planted" } },
        }),
      () => request.post("/api/trpc/article.create", { data: { json: { headline: "Planted" } } }),
      () =>
        request.post("/api/auth/signout", {
          headers: { origin: "http://evil.example" },
          form: { csrfToken: "x", callbackUrl: "/" },
        }),
    ];
    for (const attempt of attempts) {
      const response = await attempt();
      expect(response.status(), response.url()).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        /may not change anything here|send an Origin header/,
      );
    }
    // Signed in still: the sign-out from another site did nothing.
    expect((await request.get(notifications)).status()).toBe(200);
    const mine = await request.get(
      `/api/trpc/article.list?input=${encodeURIComponent(JSON.stringify({ json: null }))}`,
    );
    expect(mine.status()).toBe(200);
    expect(JSON.stringify(await mine.json())).not.toContain("Planted");
  });
});

test("unknown addresses are 404s that leave nothing on disk", async ({ request }) => {
  const root = path.join(process.cwd(), ".next", "server", "app");
  const files = async () => (await readdir(root, { recursive: true })).length;
  const before = await files();
  const token = Date.now().toString(36);
  const addresses = [
    ...Array.from({ length: 40 }, (_, i) => `/articles/no-such-story-${token}-${i}`),
    ...Array.from({ length: 20 }, (_, i) => `/tags/no-such-tag-${token}-${i}/page/2`),
    `/articles/UPPER-${token}`,
    `/sections/NoSuch${token}`,
  ];
  for (const address of addresses) expect((await request.get(address)).status(), address).toBe(404);
  expect(await files()).toBe(before);
});

test("searching too fast from one address is slowed with a page that says so; others search on", async ({
  request,
}) => {
  const busy = { "x-forwarded-for": "203.0.113.40" };
  const statuses: number[] = [];
  for (let i = 0; i < 25; i += 1)
    statuses.push((await request.get(`/search?q=harbour+${i}`, { headers: busy })).status());
  expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
  const limited = await request.get("/search?q=harbour", { headers: busy });
  expect(limited.status()).toBe(429);
  expect(limited.headers()["retry-after"]).toBe("2");
  expect(await limited.text()).toContain("Too many searches from your address.");
  expect((await request.get("/search?q=harbour", { headers: { "x-forwarded-for": "203.0.113.41" } })).status()).toBe(
    200,
  );
});
