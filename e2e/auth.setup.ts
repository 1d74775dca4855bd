import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, signIn, storageState, type RoleKey } from "./fixtures/accounts";

for (const role of Object.keys(ACCOUNTS) as RoleKey[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/signin");
    await signIn(page, ACCOUNTS[role].email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/newsroom$/);
    await expect(page.getByRole("banner").getByText(ACCOUNTS[role].name)).toBeVisible();
    await page.context().storageState({ path: storageState(role) });
  });
}
