import { describe, expect, it } from "vitest";
import { cropAround, isShareRatio, shareSize } from "./share-image";

describe("share image crops", () => {
  it("takes the largest box of each shape, centred by default", () => {
    const centre = { x: 0.5, y: 0.5 };
    expect(cropAround(1600, 900, "16x9", centre)).toEqual({ left: 0, top: 0, width: 1600, height: 900 });
    expect(cropAround(1600, 900, "4x3", centre)).toEqual({ left: 200, top: 0, width: 1200, height: 900 });
    expect(cropAround(1600, 900, "1x1", centre)).toEqual({ left: 350, top: 0, width: 900, height: 900 });
    // A tall picture: the width is kept, the height cut.
    expect(cropAround(900, 1600, "16x9", centre)).toEqual({ left: 0, top: 547, width: 900, height: 506 });
  });

  it("keeps the focal point in view, up to the picture's edges", () => {
    expect(cropAround(1600, 900, "1x1", { x: 0.9, y: 0.5 })).toEqual({ left: 700, top: 0, width: 900, height: 900 });
    expect(cropAround(1600, 900, "1x1", { x: 0.1, y: 0.5 })).toEqual({ left: 0, top: 0, width: 900, height: 900 });
    expect(cropAround(1600, 900, "1x1", { x: 0.4, y: 0.5 })).toEqual({ left: 190, top: 0, width: 900, height: 900 });
    expect(cropAround(900, 1600, "4x3", { x: 0.5, y: 0 })).toEqual({ left: 0, top: 0, width: 900, height: 675 });
    expect(cropAround(900, 1600, "4x3", { x: 0.5, y: 1 })).toEqual({ left: 0, top: 925, width: 900, height: 675 });
  });

  it("names three shapes, each 1200 wide", () => {
    expect(["16x9", "4x3", "1x1", "2x1", "16X9"].map(isShareRatio)).toEqual([true, true, true, false, false]);
    expect(shareSize("16x9")).toEqual({ width: 1200, height: 675 });
    expect(shareSize("4x3")).toEqual({ width: 1200, height: 900 });
    expect(shareSize("1x1")).toEqual({ width: 1200, height: 1200 });
  });
});
