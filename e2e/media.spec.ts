import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { storageState } from "./fixtures/accounts";
import { expectAxeClean } from "./fixtures/axe";
import { newDraft } from "./fixtures/workflow";
import { FROM_SITE } from "./fixtures/site";

test.describe("uploading to the media library", () => {
  test.use({ storageState: storageState("writer") });

  test("a photo is stored without its location and served; a renamed file is refused", async ({ page }) => {
    const photo = await sharp({ create: { width: 1000, height: 600, channels: 3, background: "#884422" } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
      .toBuffer();
    const upload = await page.request.post("/api/media", {
      headers: FROM_SITE,
      multipart: { file: { name: "scene.jpg", mimeType: "image/jpeg", buffer: photo } },
    });
    expect(upload.status()).toBe(201);
    const media = (await upload.json()) as { fileName: string; width: number };
    expect(media.width).toBe(1000);
    const served = await page.request.get(`/media/${media.fileName}`);
    expect(served.headers()["content-type"]).toBe("image/jpeg");
    expect((await sharp(await served.body()).metadata()).exif).toBeUndefined();

    const renamed = await page.request.post("/api/media", {
      headers: FROM_SITE,
      multipart: { file: { name: "holiday.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not really a picture") } },
    });
    expect(renamed.status()).toBe(400);
    expect(((await renamed.json()) as { error: string }).error).toContain("not an image");
  });
});

test("signed-out visitors cannot upload", async ({ request }) => {
  const response = await request.post("/api/media", {
    headers: FROM_SITE,
    multipart: { file: { name: "a.jpg", mimeType: "image/jpeg", buffer: Buffer.from([0xff, 0xd8, 0xff]) } },
  });
  expect(response.status()).toBe(401);
});

test.describe("from the library into an article", () => {
  test.use({ storageState: storageState("writer") });

  test("upload with the picker, describe it, insert it as a figure, and preview it", async ({ page }) => {
    const name = `harbour-${Date.now()}.png`;
    const picture = await sharp({ create: { width: 1200, height: 700, channels: 3, background: "#1d4ed8" } })
      .png()
      .toBuffer();
    await page.goto("/newsroom/media");
    await page.getByLabel("Upload an image").setInputFiles({ name, mimeType: "image/png", buffer: picture });
    await expect(page.getByRole("status").filter({ hasText: "uploaded" })).toContainText(`${name} uploaded`);
    const card = page.getByRole("listitem").filter({ hasText: name });
    await card.getByLabel("Alt text").fill("Blue water in the harbour at dawn");
    await card.getByLabel("Caption").fill("The harbour this morning");
    await card.getByLabel("Credit").fill("Masthead staff");
    await card.getByRole("button", { name: "Save details" }).click();
    await expect(card.getByRole("status")).toHaveText("Saved");

    await page.goto("/newsroom/articles/new");
    await page.getByLabel("Headline").fill(`Figure test ${Date.now()}`);
    await page.getByRole("button", { name: "Create draft" }).click();
    await page.getByRole("textbox", { name: "Body" }).click();
    await page.getByRole("toolbar").getByRole("button", { name: "Figure" }).click();
    const dialog = page.getByRole("dialog", { name: "Figure" });
    await dialog.getByText("Blue water in the harbour at dawn").click();
    await expect(dialog.getByRole("radio", { name: "Blue water in the harbour at dawn" })).toBeChecked();
    await expect(dialog.getByLabel("Caption")).toHaveValue("The harbour this morning");
    await dialog.getByRole("button", { name: "Insert figure" }).click();
    await page.getByRole("button", { name: "Save now" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Saved/ })).toBeVisible();

    await page.getByRole("button", { name: "Choose hero image" }).click();
    const hero = page.getByRole("dialog", { name: "Hero image" });
    await hero.getByText("Blue water in the harbour at dawn").click();
    await hero.getByRole("button", { name: "Use this image" }).click();
    await expect(page.getByLabel("Credit", { exact: true })).toHaveValue("Masthead staff");
    await page.getByRole("button", { name: "Save now" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Saved/ })).toBeVisible();

    await page.reload();
    await expect(
      page.getByRole("textbox", { name: "Body" }).getByRole("img", { name: "Blue water in the harbour at dawn" }),
    ).toBeVisible();
    await expect(page.getByLabel("Caption", { exact: true })).toHaveValue("The harbour this morning");
    await page.getByRole("link", { name: "Preview" }).click();
    await expect(page.locator("article > figure figcaption")).toContainText("The harbour this morning");
    const figure = page.locator("article figure.article-figure");
    await expect(figure.getByRole("img", { name: "Blue water in the harbour at dawn" })).toBeVisible();
    await expect(figure.locator("figcaption")).toContainText("The harbour this morning");
    await expect(figure.locator("figcaption")).toContainText("Photo: Masthead staff");
  });
});

test("a writer sees, but cannot change, the description of an image someone else uploaded", async ({ browser }) => {
  const editor = await browser.newContext({ storageState: storageState("editor") });
  const name = `agency-${Date.now()}.png`;
  const picture = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#225522" } })
    .png()
    .toBuffer();
  const upload = await editor.request.post("/api/media", {
    headers: FROM_SITE,
    multipart: { file: { name, mimeType: "image/png", buffer: picture } },
  });
  expect(upload.status()).toBe(201);
  const { id } = (await upload.json()) as { id: string };
  const described = await editor.request.post("/api/trpc/media.describe", {
    headers: FROM_SITE,
    data: { json: { id, caption: "Agency picture", credit: "Agency", alt: "A green field" } },
  });
  expect(described.status()).toBe(200);
  await editor.close();

  const writer = await browser.newContext({ storageState: storageState("writer") });
  const page = await writer.newPage();
  await page.goto("/newsroom/media");
  const card = page.getByRole("listitem").filter({ hasText: name });
  await expect(card.getByText("A green field")).toBeVisible();
  await expect(card.getByText("Only its uploader, an editor or an admin can change this description.")).toBeVisible();
  await expect(card.getByRole("button", { name: "Save details" })).toHaveCount(0);
  await expectAxeClean(page);
  const refused = await page.request.post("/api/trpc/media.describe", {
    headers: FROM_SITE,
    data: { json: { id, caption: "", credit: "", alt: "Hijacked" } },
  });
  expect(refused.status()).toBe(403);
  await writer.close();
});

test.describe("uploading without leaving the article", () => {
  test.use({ storageState: storageState("writer") });

  test("upload from the figure picker, describe it, insert it and keep typing; then a hero from the hero picker", async ({
    page,
  }) => {
    const picture = (background: string) =>
      sharp({ create: { width: 900, height: 600, channels: 3, background } })
        .png()
        .toBuffer();
    const body = await newDraft(page, `Upload in place ${Date.now()}`);
    await page.keyboard.type("Before the picture.");
    await page.keyboard.press("Enter");
    await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Figure" }).click();
    const picker = page.getByRole("dialog", { name: "Figure" });
    const figureName = `pier-${Date.now()}.png`;
    await picker
      .getByLabel("Upload an image")
      .setInputFiles({ name: figureName, mimeType: "image/png", buffer: await picture("#0f766e") });
    await expect(picker.getByRole("status")).toContainText(`${figureName} uploaded and chosen`);
    // Alt text is required before the figure goes in.
    await picker.getByRole("button", { name: "Insert figure" }).click();
    await expect(picker.getByText("Describe the image in the alt text.")).toBeVisible();
    await picker.getByLabel("Alt text").fill("The old pier at low tide");
    await picker.getByLabel("Caption").fill("The pier this week");
    await picker.getByRole("button", { name: "Insert figure" }).click();
    await expect(picker).toHaveCount(0);
    await page.keyboard.type("After the picture.");
    await expect(body.locator("figure img")).toHaveAttribute("alt", "The old pier at low tide");
    await expect(body.getByText("After the picture.")).toBeVisible();

    // The hero picker uploads the same way.
    const panel = page.getByRole("complementary", { name: "Workflow and details" });
    await panel.getByRole("button", { name: "Choose hero image" }).click();
    const hero = page.getByRole("dialog", { name: "Hero image" });
    const heroName = `skyline-${Date.now()}.png`;
    await hero
      .getByLabel("Upload an image")
      .setInputFiles({ name: heroName, mimeType: "image/png", buffer: await picture("#7c2d12") });
    await expect(hero.getByRole("status")).toContainText(`${heroName} uploaded and chosen`);
    await hero.getByLabel("Alt text").fill("The skyline at dusk");
    await hero.getByRole("button", { name: "Use this image" }).click();
    await expect(hero).toHaveCount(0);
    await expect(panel.getByRole("img", { name: "The skyline at dusk" })).toBeVisible();
    await page.getByRole("button", { name: "Save now" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Saved \d\d:\d\d$/ })).toBeVisible();
    await page.reload();
    await expect(panel.getByLabel("Alt text")).toHaveValue("The skyline at dusk");
    await expect(page.getByRole("textbox", { name: "Body" }).locator("figure img")).toHaveCount(1);
  });
});
