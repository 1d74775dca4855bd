import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures/accounts";
import { paragraphsDoc, publishStory } from "./fixtures/api";
import { expectAxeCleanLightAndDark } from "./fixtures/axe";
import { verifySignature } from "../server/webhooks/signature";

test.use({ storageState: storageState("admin") });

test("an admin adds a partner's endpoint; a published story reaches it signed, after one failure; sent again on request", async ({
  page,
}) => {
  test.slow();
  // The partner's receiver: fails the first delivery about this test's story, takes the rest
  // (other tests publish stories too: only this one's are kept).
  const stamp = Date.now();
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      if (body.includes(String(stamp))) received.push({ headers: req.headers, body });
      res.writeHead(received.length === 1 && body.includes(String(stamp)) ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const name = `Daily Herald ${stamp}`;

  await page.goto("/newsroom");
  await page.getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await page.getByLabel("Who receives it").fill(name);
  await page.getByRole("textbox", { name: "Address" }).fill("ftp://partner.example/hooks");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("An endpoint's address starts with https:// or http://.")).toBeVisible();
  await page
    .getByRole("textbox", { name: "Address" })
    .fill(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`);
  await page.getByLabel("A correction is added").uncheck();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = await page.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_/);
  await expectAxeCleanLightAndDark(page);

  const story = await publishStory(page.request, {
    headline: `Ferry strike called off ${stamp}`,
    standfirst: "Talks ended at noon.",
    body: paragraphsDoc("The ferries run again tomorrow."),
  });
  // Tried, refused, tried again a few seconds later (the queue's backoff) and taken.
  await expect.poll(() => received.length, { timeout: 30_000 }).toBe(2);
  const [first, second] = received;
  expect(second?.body).toBe(first?.body);
  const body = JSON.parse(second?.body ?? "{}") as { type: string; story: { id: string; headline: string } };
  expect(body).toMatchObject({
    type: "story.published",
    story: { id: story.id, headline: `Ferry strike called off ${stamp}` },
  });
  expect(verifySignature(secret, second?.body ?? "", String(second?.headers["masthead-signature"]), new Date())).toBe(
    true,
  );

  // The log shows both answers; "Send again" delivers the same event once more.
  await page.getByRole("button", { name: `Deliveries to “${name}”` }).click();
  const row = page.getByRole("row", { name: new RegExp(`Ferry strike called off ${stamp}`) });
  await expect(row).toContainText("Delivered");
  await expect(row).toContainText("500, 204");
  await row.getByRole("button", { name: /Send .* again/ }).click();
  await expect.poll(() => received.length, { timeout: 30_000 }).toBe(3);
  expect(received[2]?.headers["idempotency-key"]).toBe(first?.headers["idempotency-key"]);
  await expect(page.getByRole("row", { name: new RegExp(`Ferry strike called off ${stamp}`) })).toHaveCount(2);

  // Switched off, it gets nothing more.
  await page.getByRole("button", { name: `Switch off “${name}”` }).click();
  await expect(page.getByRole("button", { name: `Switch on “${name}”` })).toBeVisible();
  server.close();
});
