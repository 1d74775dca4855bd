import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { paragraphsDoc, publishStory } from "./fixtures/api";

test.describe("as an editor", () => {
  test.use({ storageState: storageState("editor") });

  test("changing a published story's address: the old one redirects; pinning makes it the lead", async ({
    page,
    request,
  }) => {
    const story = await publishStory(page.request, {
      headline: `Tram line reopens ${Date.now()}`,
      standfirst: "After two years.",
      body: paragraphsDoc("The line reopens on Monday."),
    });
    await page.goto(`/newsroom/articles/${story.id}`);
    const address = page.getByLabel("Address (slug)");
    await address.fill(`${story.slug}-new`);
    await page.getByRole("button", { name: "Change address" }).click();
    // It asks first, saying what will happen.
    const confirm = page.getByRole("dialog");
    await expect(confirm).toContainText(`The article moves to /articles/${story.slug}-new.`);
    await confirm.getByRole("button", { name: "Change address" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(page.getByText(`Now /articles/${story.slug}-new.`)).toBeVisible();
    const old = await request.get(`/articles/${story.slug}`, { maxRedirects: 0 });
    expect(old.status()).toBe(301);
    expect(old.headers().location).toBe(`/articles/${story.slug}-new`);

    await page.getByRole("button", { name: "Pin as the lead story" }).click();
    await page.getByRole("dialog", { name: "Pin as the lead story?" }).getByRole("button", { name: "Pin" }).click();
    await expect(page.getByText("Home page: pinned as the lead story")).toBeVisible();
    const home = await (await request.get("/")).text();
    const firstStory = /<h2[^>]*><a href="(\/articles\/[^"]+)"/.exec(home)?.[1];
    expect(firstStory).toBe(`/articles/${story.slug}-new`);
    await page.getByRole("button", { name: "Unpin from the home page" }).click();
    await page.getByRole("dialog", { name: "Unpin this story?" }).getByRole("button", { name: "Unpin" }).click();
    await expect(page.getByText("Home page: not pinned")).toBeVisible();

    // A correction says it can never be changed; cancelling publishes nothing.
    await page.getByLabel("Correction").fill("An earlier version gave the wrong reopening day.");
    await page.getByRole("button", { name: "Add correction" }).click();
    const correction = page.getByRole("dialog", { name: "Publish this correction?" });
    await expect(correction).toContainText("This text is published at once and can never be changed.");
    await expect(correction).toContainText("An earlier version gave the wrong reopening day.");
    await correction.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("heading", { name: "Corrections" })).toHaveCount(0);
    await page.getByRole("button", { name: "Add correction" }).click();
    await correction.getByRole("button", { name: "Publish correction" }).click();
    await expect(correction).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Corrections" })).toBeVisible();
    const live = await (await request.get(`/articles/${story.slug}-new`)).text();
    expect(live).toContain("An earlier version gave the wrong reopening day.");
  });
});

test.describe("as a writer", () => {
  test.use({ storageState: storageState("writer") });

  test("the author page shows the bio the writer wrote", async ({ page }) => {
    const bio = `Wendy covers the harbour and the council. ${Date.now()}`;
    await page.goto("/newsroom");
    await page.getByRole("link", { name: "Author page" }).click();
    await page.getByLabel("Bio").fill(bio);
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    await page.goto("/authors/wendy-writer");
    await expect(page.getByText(bio)).toBeVisible();
  });
});

test.describe("newsroom pages", () => {
  test.use({ storageState: storageState("writer") });

  test("run only scripts carrying the response's nonce, and the editor works under that policy", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto("/newsroom/articles/new");
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp.split("script-src")[1]?.split(";")[0]).not.toContain("unsafe-inline");
    await page.getByLabel("Headline").fill(`CSP check ${Date.now()}`);
    await page.getByRole("button", { name: "Create draft" }).click();
    const body = page.getByRole("textbox", { name: "Body" });
    await body.click();
    await page.keyboard.type("Typed under a strict policy.");
    await expect(page.getByRole("status").filter({ hasText: /^Saved/ })).toBeVisible();
    const second = await page.reload();
    expect(second?.headers()["content-security-policy"]).not.toBe(csp);
    await expect(page.getByRole("textbox", { name: "Body" })).toContainText("Typed under a strict policy.");
    expect(violations).toEqual([]);
  });
});
