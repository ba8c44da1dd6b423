import sharp from "sharp";

type Rgb = { data: Uint8Array; width: number; height: number };

async function rgb(png: Buffer): Promise<Rgb> {
  const { data, info } = await sharp(png)
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}

function png(picture: Rgb): Promise<Buffer> {
  return sharp(picture.data, { raw: { width: picture.width, height: picture.height, channels: 3 } })
    .png()
    .toBuffer();
}

const dividerWidth = 2;
const gapWidth = 8;

/**
 * Composes the two before/after views of a graded picture: a split (left half before, right half after,
 * with a white divider) and a side-by-side (before | after, with a dark gap). Both inputs are PNGs of the
 * same size.
 */
export async function composeComparison(
  beforePng: Buffer,
  afterPng: Buffer,
): Promise<{ split: Buffer; sideBySide: Buffer }> {
  const [before, after] = await Promise.all([rgb(beforePng), rgb(afterPng)]);
  const { width, height } = before;
  const split = new Uint8Array(width * height * 3);
  const middle = Math.floor(width / 2);
  for (let y = 0; y < height; y++) {
    const row = y * width * 3;
    split.set(before.data.subarray(row, row + middle * 3), row);
    split.set(after.data.subarray(row + middle * 3, row + width * 3), row + middle * 3);
    split.fill(255, row + (middle - dividerWidth / 2) * 3, row + (middle + dividerWidth / 2) * 3);
  }
  const wide = width * 2 + gapWidth;
  const sideBySide = new Uint8Array(wide * height * 3).fill(24);
  for (let y = 0; y < height; y++) {
    sideBySide.set(before.data.subarray(y * width * 3, (y + 1) * width * 3), y * wide * 3);
    sideBySide.set(
      after.data.subarray(y * width * 3, (y + 1) * width * 3),
      (y * wide + width + gapWidth) * 3,
    );
  }
  const [splitPng, sideBySidePng] = await Promise.all([
    png({ data: split, width, height }),
    png({ data: sideBySide, width: wide, height }),
  ]);
  return { split: splitPng, sideBySide: sideBySidePng };
}
