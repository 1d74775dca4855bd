import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { cropShareImage, defaultShareImage } from "./share-image";

/** A 1600 × 900 picture: red on the left two thirds, blue on the right third. */
async function redThenBlue(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 900, channels: 3, background: "#ff0000" } })
    .composite([
      { input: { create: { width: 533, height: 900, channels: 3, background: "#0000ff" } }, left: 1067, top: 0 },
    ])
    .jpeg()
    .toBuffer();
}

/** The mean red and blue of a picture, 0–255. */
async function colours(bytes: Buffer) {
  const { channels } = await sharp(bytes).stats();
  return { red: channels[0]?.mean ?? 0, blue: channels[2]?.mean ?? 0 };
}

describe("share images", () => {
  it("cut each shape 1200 wide, around the focal point", async () => {
    const picture = await redThenBlue();
    const square = await cropShareImage(picture, "1x1", { x: 0.9, y: 0.5 });
    expect(await sharp(square).metadata()).toMatchObject({ format: "jpeg", width: 1200, height: 1200 });
    // The subject on the right: the square takes the right edge, mostly blue…
    const right = await colours(square);
    expect(right.blue).toBeGreaterThan(right.red * 0.6);
    // …and around the centre, none of it.
    const centre = await colours(await cropShareImage(picture, "1x1", { x: 0.1, y: 0.5 }));
    expect(centre.blue).toBeLessThan(10);
    const wide = await cropShareImage(picture, "4x3", { x: 0.5, y: 0.5 });
    expect(await sharp(wide).metadata()).toMatchObject({ width: 1200, height: 900 });
  });

  it("the newsroom's card: its logo on paper, in every shape, made once", async () => {
    for (const [ratio, height] of [
      ["16x9", 675],
      ["4x3", 900],
      ["1x1", 1200],
    ] as const) {
      const card = await defaultShareImage(ratio);
      expect(await sharp(card).metadata(), ratio).toMatchObject({ format: "png", width: 1200, height });
      expect(await defaultShareImage(ratio)).toBe(card);
      // Not a blank card: the logo's dark letters are on it.
      const { channels } = await sharp(card).stats();
      expect(channels[0]?.min ?? 255, ratio).toBeLessThan(80);
    }
  });
});
