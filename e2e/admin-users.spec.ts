import { expect, test } from "@playwright/test";
import { signIn, storageState } from "./fixtures/accounts";
import { linkInOutbox, uniqueEmail } from "./fixtures/people";

test.use({ storageState: storageState("admin") });

test("an admin invites a person, who joins; a role change and a deactivation apply on their next request", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("reporter");
  await page.goto("/newsroom/admin/users");
  const form = page.getByRole("form", { name: "Invite a person" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("Rita Reporter");
  await form.getByLabel("Role", { exact: true }).selectOption("WRITER");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByRole("status")).toContainText(`Invitation ready for ${email}.`);

  const other = await browser.newContext({ storageState: undefined });
  const rita = await other.newPage();
  await rita.goto(await linkInOutbox(browser, email, "invitation"));
  await rita.getByLabel("Choose a password").fill("a-good-long-password");
  await rita.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(rita.getByRole("heading", { name: "My articles" })).toBeVisible();

  await page.reload();
  await page.getByLabel("Role of Rita Reporter").selectOption("EDITOR");
  const makeEditor = page.getByRole("dialog", { name: "Make Rita Reporter an editor?" });
  await expect(makeEditor).toContainText("Editors see every story");
  await makeEditor.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByLabel("Role of Rita Reporter")).toHaveValue("EDITOR");
  await rita.reload();
  await expect(rita.getByRole("heading", { name: "All articles" })).toBeVisible();

  // Name and email are corrected by the admin; a reset link goes to the person, not the admin.
  await page.getByRole("button", { name: "Edit Rita Reporter" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Rita Reporter" });
  await edit.getByLabel("Name").fill("Rita R. Reporter");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText(`Saved: Rita R. Reporter, ${email}.`);
  await page.getByRole("button", { name: "Reset the password of Rita R. Reporter" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText(
    `A reset link for ${email} is in the outbox`,
  );
  expect(await linkInOutbox(browser, email, "password-reset")).toMatch(/^\/signin\/reset\//);

  await page.getByRole("button", { name: "Deactivate Rita R. Reporter" }).click();
  await page
    .getByRole("dialog", { name: "Deactivate Rita R. Reporter?" })
    .getByRole("button", { name: "Deactivate" })
    .click();
  await expect(page.getByRole("button", { name: "Reactivate Rita R. Reporter" })).toBeVisible();
  await rita.goto("/newsroom");
  await expect(rita).toHaveURL(/\/signin/);
  await signIn(rita, email, "a-good-long-password");
  await expect(rita.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await other.close();
});

test("the invitation form keeps what was typed and shows per-field messages when input is refused", async ({
  page,
}) => {
  await page.goto("/newsroom/admin/users");
  const form = page.getByRole("form", { name: "Invite a person" });
  await form.getByLabel("Email").fill("not-an-email");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("Enter a valid email address")).toBeVisible();
  await expect(form.getByText("Name is required")).toBeVisible();
  await expect(form.getByLabel("Email")).toHaveValue("not-an-email");
  // Someone who already has an account cannot be invited again.
  await form.getByLabel("Email").fill("writer@example.com");
  await form.getByLabel("Name").fill("Wendy Again");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("Someone already has that email address").first()).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Wendy Again");
});

test("the last admin cannot deactivate themselves", async ({ page }) => {
  await page.goto("/newsroom/admin/users");
  await page.getByRole("button", { name: "Deactivate Ada Admin" }).click();
  await page.getByRole("dialog", { name: "Deactivate Ada Admin?" }).getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("at least one active admin");
  await expect(page.getByRole("button", { name: "Deactivate Ada Admin" })).toBeVisible();
});
