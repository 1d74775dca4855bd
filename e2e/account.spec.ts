import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./fixtures/accounts";
import { invitedPerson } from "./fixtures/people";

const PASSWORD = "first harbour password";

/** A person of their own for each test, so changing a password touches no shared account. */
async function newPerson(browser: Browser, label: string) {
  const { email, page } = await invitedPerson(browser, label, PASSWORD);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.context().close();
  return email;
}

async function signedIn(browser: Browser, email: string, password = PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signin");
  await signIn(page, email, password);
  await expect(page.getByRole("heading", { name: "My articles" })).toBeVisible();
  return page;
}

test("changing your password signs you out elsewhere; the new password works", async ({ browser }) => {
  const email = await newPerson(browser, "change");
  const laptop = await signedIn(browser, email);
  const phone = await signedIn(browser, email);

  await laptop.getByRole("link", { name: "Account" }).click();
  await expect(laptop.getByRole("heading", { name: "Your account" })).toBeVisible();
  // A common password is refused at the field, and nothing changes.
  await laptop.getByLabel("Current password").fill(PASSWORD);
  await laptop.getByLabel("New password").fill("1234567890");
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByText("That password is one of the most common ones: choose another.")).toBeVisible();
  await phone.reload();
  await expect(phone.getByRole("heading", { name: "My articles" })).toBeVisible();

  await laptop.getByLabel("New password").fill("second harbour password");
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByRole("status").filter({ hasText: "Password changed." })).toHaveText(
    "Password changed. You were signed out on 1 other device.",
  );
  // The phone's session is over; this one goes on.
  await phone.goto("/newsroom");
  await expect(phone).toHaveURL(/\/signin/);
  await laptop.goto("/newsroom");
  await expect(laptop.getByRole("heading", { name: "My articles" })).toBeVisible();
  await signIn(phone, email, PASSWORD);
  await expect(phone.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await phone.getByLabel("Password").fill("");
  await signIn(phone, email, "second harbour password");
  await expect(phone.getByRole("heading", { name: "My articles" })).toBeVisible();
});

test("after signing out, a copy of the session cookie is refused", async ({ browser }) => {
  const email = await newPerson(browser, "copy");
  const page = await signedIn(browser, email);
  const copied = await page.context().storageState();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  const thief = await browser.newContext({ storageState: copied });
  const response = await thief.request.get(
    `/api/trpc/article.list?input=${encodeURIComponent(JSON.stringify({ json: null }))}`,
  );
  expect(response.status()).toBe(401);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/newsroom");
  await expect(thiefPage).toHaveURL(/\/signin/);
});

test("sign out everywhere ends every session, this one too", async ({ browser }) => {
  const email = await newPerson(browser, "everywhere");
  const laptop = await signedIn(browser, email);
  const phone = await signedIn(browser, email);
  await laptop.goto("/newsroom/account");
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  const dialog = laptop.getByRole("dialog", { name: "Sign out everywhere?" });
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/signin/);
  await phone.goto("/newsroom");
  await expect(phone).toHaveURL(/\/signin/);
});

test("choosing notices by email is kept", async ({ browser }) => {
  const { page } = await invitedPerson(browser, "mailprefs", PASSWORD);
  await page.goto("/newsroom/account");
  const form = page.getByRole("form", { name: "Notices by email" });
  await form.getByLabel("Your story is published").check();
  await form.getByLabel("Your story is sent back with changes requested").check();
  await form.getByRole("button", { name: "Save email choices" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved: 2 kinds by email.");
  await page.reload();
  await expect(form.getByLabel("Your story is published")).toBeChecked();
  await expect(form.getByLabel("Your story is approved")).not.toBeChecked();
});
