import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { mutate, paragraphsDoc, publishStory, query, submittedStory } from "./fixtures/api";
import { expectAxeCleanLightAndDark } from "./fixtures/axe";
import { expectLive } from "./fixtures/co-editing";

test.use({ storageState: storageState("editor") });

test("an editor marks a story Arabic; readers get it right to left at a readable address, its tags too", async ({
  page,
  browser,
}) => {
  test.slow();
  const stamp = Date.now();
  const headline = `موسكو تستضيف القيادة السورية ${stamp}`;
  const created = await submittedStory(page.request, {
    headline,
    standfirst: "رغم الماضي غير المريح، تتبع الحكومة المؤقتة نهجاً مدروساً",
    body: paragraphsDoc("استضافت موسكو وزير الخارجية السوري.", "Quoted in English: “a measured approach”."),
    tags: [`العالم العربي ${stamp}`, `Россия ${stamp}`],
  });
  // Its address is the headline transliterated, never "article".
  expect(created.slug).toBe(`mwskw-tstdyf-alqyadt-alswryt-${stamp}`);

  await page.goto(`/newsroom/articles/${created.id}`);
  await expectLive(page);
  // What is typed in Arabic runs right to left in the form, as it does on the page.
  await expect(page.getByLabel("Headline")).toHaveAttribute("dir", "auto");
  await page.getByLabel("Language").selectOption({ label: "Arabic (ar)" });
  await expect(page.getByRole("status").filter({ hasText: /^Saved \d\d:\d\d$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Language")).toHaveValue("ar");
  const { version } = await query<{ version: number }>(page.request, "article.get", { id: created.id });
  await mutate(page.request, "workflow.publish", { id: created.id, version });

  const reader = await browser.newPage();
  await reader.goto(`/articles/${created.slug}`);
  await expect(reader.locator("html")).toHaveAttribute("lang", "ar");
  await expect(reader.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
  // The site's own words stay marked English.
  await expect(reader.locator("header")).toHaveAttribute("lang", "en");
  expect(await reader.locator('meta[property="og:locale"]').getAttribute("content")).toBe("ar_EG");
  const ld = await reader.locator('script[type="application/ld+json"]').allTextContents();
  expect(ld.join("")).toContain('"inLanguage":"ar"');
  // The headline's first letter sits at the right edge of its box.
  const box = await reader.getByRole("heading", { level: 1 }).evaluate((h) => {
    const range = document.createRange();
    range.setStart(h.firstChild ?? h, 0);
    range.setEnd(h.firstChild ?? h, 1);
    const first = range.getBoundingClientRect();
    const whole = h.getBoundingClientRect();
    return { firstRight: first.right, boxRight: whole.right };
  });
  expect(box.boxRight - box.firstRight).toBeLessThan(4);
  await expectAxeCleanLightAndDark(reader);

  // Both tags kept, each at a readable address that lists the story.
  await reader.emulateMedia({ colorScheme: "light" });
  await reader.getByRole("link", { name: `العالم العربي ${stamp}` }).click();
  await expect(reader).toHaveURL(new RegExp(`/tags/alealm-alerby-${stamp}$`));
  await expect(reader.getByRole("link", { name: headline })).toBeVisible();
  await reader.goto(`/tags/rossiya-${stamp}`);
  await expect(reader.getByRole("heading", { level: 1 })).toContainText(`Россия ${stamp}`);
  // A card of a story in another language than the page's carries its own.
  await expect(reader.getByRole("heading", { name: headline })).toHaveAttribute("dir", "rtl");
});

test("a reader searching finds French and Russian stories in any form of the word, with or without accents", async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const french = await publishStory(page.request, {
    headline: `Élections municipales à Lyon ${stamp}`,
    standfirst: "Les élections ont lieu dimanche dans les neuf arrondissements.",
    body: paragraphsDoc("Les bureaux de vote ouvrent à huit heures."),
    language: "fr",
  });
  const russian = await publishStory(page.request, {
    headline: `Выборы в Москве ${stamp}`,
    standfirst: "Москвичи выбирают городской совет.",
    body: paragraphsDoc("Участки откроются в восемь утра."),
    language: "ru",
  });
  const reader = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  await reader.goto("/");
  // Typed without the accent and in the singular, from the search field.
  await reader.getByLabel("Search stories").fill(`election municipale ${stamp}`);
  await reader.keyboard.press("Enter");
  await expect(reader.getByRole("status")).toHaveText(`1 story matches “election municipale ${stamp}”.`);
  const result = reader.getByRole("link", { name: `Élections municipales à Lyon ${stamp}` });
  await expect(result).toBeVisible();
  await expect(reader.locator("mark").first()).toHaveText("élections");
  // Another grammatical case of the Russian word ("in the elections").
  await reader.getByLabel("Search stories").fill(`выборах ${stamp}`);
  await reader.keyboard.press("Enter");
  await expect(reader.getByRole("link", { name: `Выборы в Москве ${stamp}` })).toBeVisible();
  await expect(reader.getByRole("status")).toHaveText(`1 story matches “выборах ${stamp}”.`);
  await expect(result).toHaveCount(0);
  await reader.getByLabel("Search stories").fill(`${stamp}`);
  await reader.keyboard.press("Enter");
  await expect(reader.getByRole("status")).toHaveText(`2 stories match “${stamp}”.`);
  for (const story of [french, russian])
    await expect(reader.locator(`a[href="/articles/${story.slug}"]`)).toHaveCount(1);
  await expectAxeCleanLightAndDark(reader);
});
