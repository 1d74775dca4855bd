import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";

// Requests a client may send to hurt the server or its users, against the production server:
// each is refused quickly with a 4xx and a message, and the server keeps answering.

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
      multipart: { file: { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("x") } },
    });
    expect(upload.status()).toBe(400);
    expect(upload.headers()["cache-control"]).toContain("no-store");
  });
});
