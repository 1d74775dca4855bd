import { expect, test } from "@playwright/test";
import { signIn, storageState } from "./fixtures/accounts";
import { invitedPerson, linkInOutbox, uniqueEmail } from "./fixtures/people";

test.describe("as an admin", () => {
  test.use({ storageState: storageState("admin") });

  test("invite a person from the People page; they accept and sign in; the link is used up", async ({
    page,
    browser,
  }) => {
    const email = uniqueEmail("invitee");
    await page.goto("/newsroom/admin/users");
    const form = page.getByRole("form", { name: "Invite a person" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Ivy Invitee");
    await form.getByLabel("Role").selectOption("EDITOR");
    await form.getByRole("button", { name: "Send invitation" }).click();
    await expect(form.getByRole("status")).toHaveText(
      `Invitation ready for ${email}. Mail is not set up, so copy the link from the outbox and pass it on.`,
    );
    const pending = page.getByRole("region", { name: "Waiting for an answer" });
    await expect(pending.getByText(`Ivy Invitee (${email})`)).toBeVisible();

    // The outbox shows the message with its link, as an admin would copy it.
    await page.getByRole("link", { name: "Outbox: every message sent or waiting" }).click();
    const message = page.getByRole("article").filter({ hasText: `To ${email}` });
    await expect(message.getByRole("heading", { name: "You are invited to the newsroom on Masthead" })).toBeVisible();
    await expect(message).toContainText("Not sent: mail is not set up");
    const link = await linkInOutbox(browser, email, "invitation");
    await expect(message).toContainText(link);

    const invitee = await (await browser.newContext()).newPage();
    await invitee.goto(link);
    await expect(invitee.getByText(`You will sign in as ${email}.`)).toBeVisible();
    await invitee.getByLabel("Choose a password").fill("short");
    await invitee.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(invitee.getByText("Password must be at least 10 characters").first()).toBeVisible();
    await invitee.getByLabel("Choose a password").fill("ivy's own newsroom password");
    await invitee.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(invitee.getByRole("heading", { name: "All articles" })).toBeVisible();

    await page.goto("/newsroom/admin/users");
    await expect(page.getByRole("cell", { name: email })).toBeVisible();
    await expect(page.getByRole("region", { name: "Waiting for an answer" }).getByText(email)).toHaveCount(0);
    const again = await (await browser.newContext()).newPage();
    await again.goto(link);
    await expect(again.getByRole("main").getByRole("alert")).toContainText("has already been used");
  });
});

test("forgot password: the reset link sets a new one and ends the old session", async ({ browser }) => {
  const { email, page: laptop } = await invitedPerson(browser, "forgetful", "my first harbour password");
  const phone = await (await browser.newContext()).newPage();
  await phone.goto("/signin");
  await phone.getByRole("link", { name: "Forgot password?" }).click();
  await expect(phone.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await phone.getByLabel("Email").fill(email);
  await phone.getByRole("button", { name: "Send reset link" }).click();
  await expect(phone.getByRole("status")).toContainText(`If ${email} has an account here`);
  // An unknown address gets the same answer.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto("/signin/forgot");
  await stranger.getByLabel("Email").fill(uniqueEmail("nobody"));
  await stranger.getByRole("button", { name: "Send reset link" }).click();
  await expect(stranger.getByRole("status")).toContainText("has an account here, a link to choose a new password");

  await phone.goto(await linkInOutbox(browser, email, "password-reset"));
  await phone.getByLabel("New password").fill("my second harbour password");
  await phone.getByRole("button", { name: "Set new password" }).click();
  await expect(phone.getByRole("heading", { name: "My articles" })).toBeVisible();
  // The laptop's session ended with the reset.
  await laptop.goto("/newsroom");
  await expect(laptop).toHaveURL(/\/signin/);
  await signIn(laptop, email, "my second harbour password");
  await expect(laptop.getByRole("heading", { name: "My articles" })).toBeVisible();
});
