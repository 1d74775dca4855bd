import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { paragraphsDoc, publishStory } from "./fixtures/api";
import { expectAxeCleanLightAndDark } from "./fixtures/axe";

test.use({ storageState: storageState("admin") });

test("an admin makes a key for a partner, who reads the stories with it, until the admin revokes it", async ({
  page,
  playwright,
}) => {
  const stamp = Date.now();
  const story = await publishStory(page.request, {
    headline: `Harbour dredging begins ${stamp}`,
    standfirst: "The work takes a month.",
    body: paragraphsDoc("Dredgers arrived at dawn."),
  });

  await page.goto("/newsroom");
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  // A bad limit is refused with a message; nothing is made.
  await page.getByLabel("Who or what it is for").fill(`Daily Herald ${stamp}`);
  await page.getByLabel("Requests a minute").fill("0");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("A key may make at least 1 request a minute")).toBeVisible();
  await page.getByLabel("Requests a minute").fill("120");
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByLabel("New key");
  await expect(shown).toHaveValue(/^mh_/);
  const key = await shown.inputValue();
  const row = page.getByRole("row", { name: new RegExp(`Daily Herald ${stamp}`) });
  await expect(row).toContainText(`${key.slice(0, 11)}…`);
  await expect(row).toContainText("120");
  await expectAxeCleanLightAndDark(page);

  // The partner: no cookies, only the key.
  const partner = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const headers = { Authorization: `Bearer ${key}` };
  const list = await partner.get("/api/v1/stories?limit=100", { headers });
  expect(list.status()).toBe(200);
  const { stories } = (await list.json()) as { stories: { id: string; headline: string; ninjs: string }[] };
  const found = stories.find((s) => s.id === story.id);
  expect(found?.headline).toBe(`Harbour dredging begins ${stamp}`);
  const ninjs = await partner.get(`/api/v1/stories/${story.id}.ninjs.json`, { headers });
  expect(ninjs.headers()["content-type"]).toBe("application/ninjs+json");
  expect(await ninjs.json()).toMatchObject({ uri: `urn:uuid:${story.id}`, headlines: [{ value: found?.headline }] });
  expect((await partner.get("/api/v1/stories")).status()).toBe(401);
  const documentation = await partner.get("/api/v1/openapi.json");
  expect(((await documentation.json()) as { openapi: string }).openapi).toBe("3.1.0");

  // Revoked: asked first, then refused at once.
  await row.getByRole("button", { name: `Revoke the key for Daily Herald ${stamp}` }).click();
  const ask = page.getByRole("dialog", { name: `Revoke the key for Daily Herald ${stamp}?` });
  await ask.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is revoked" })).toBeVisible();
  await expect(row).toContainText("(revoked");
  const refused = await partner.get("/api/v1/stories", { headers });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: { status: 401, message: "That API key is unknown or was revoked." } });
  await partner.dispose();
});

test("writers and editors cannot reach API keys", async ({ browser }) => {
  for (const role of ["writer", "editor"] as const) {
    const page = await (await browser.newContext({ storageState: storageState(role) })).newPage();
    await page.goto("/newsroom/admin/api-keys");
    await expect(page.getByText("Only admins can manage keys to the content API.")).toBeVisible();
    await expect(page.getByRole("link", { name: "API keys" })).toHaveCount(0);
    await page.context().close();
  }
});
