import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { storageState } from "./fixtures/accounts";

test.describe("uploading to the media library", () => {
  test.use({ storageState: storageState("writer") });

  test("a photo is stored without its location and served; a renamed file is refused", async ({ page }) => {
    const photo = await sharp({ create: { width: 1000, height: 600, channels: 3, background: "#884422" } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
      .toBuffer();
    const upload = await page.request.post("/api/media", { multipart: { file: { name: "scene.jpg", mimeType: "image/jpeg", buffer: photo } } });
    expect(upload.status()).toBe(201);
    const media = (await upload.json()) as { fileName: string; width: number };
    expect(media.width).toBe(1000);
    const served = await page.request.get(`/media/${media.fileName}`);
    expect(served.headers()["content-type"]).toBe("image/jpeg");
    expect((await sharp(await served.body()).metadata()).exif).toBeUndefined();

    const renamed = await page.request.post("/api/media", { multipart: { file: { name: "holiday.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not really a picture") } } });
    expect(renamed.status()).toBe(400);
    expect(((await renamed.json()) as { error: string }).error).toContain("not an image");
  });
});

test("signed-out visitors cannot upload", async ({ request }) => {
  const response = await request.post("/api/media", { multipart: { file: { name: "a.jpg", mimeType: "image/jpeg", buffer: Buffer.from([0xff, 0xd8, 0xff]) } } });
  expect(response.status()).toBe(401);
});
