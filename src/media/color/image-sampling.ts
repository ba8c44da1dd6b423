import sharp from "sharp";
import { AppError } from "../../lib/errors.ts";

/**
 * Decodes a picture to 8-bit RGB, scaled down so its longer side is at most `maxSide`: statistics need
 * the distribution of colours, not every pixel.
 */
export async function samplePixels(image: Buffer | string, maxSide = 384): Promise<Uint8Array> {
  try {
    const { data } = await sharp(image, { failOn: "truncated" })
      .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true })
      .removeAlpha()
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    return new Uint8Array(data.buffer, data.byteOffset, data.length);
  } catch (error) {
    throw new AppError(
      "unprocessable:image",
      "The image could not be read (it may be corrupt or not an image).",
      {
        cause: error,
      },
    );
  }
}
