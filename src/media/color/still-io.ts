import sharp, { type Metadata } from "sharp";
import { z } from "zod";
import { AppError } from "../../lib/errors.ts";
import type { PixelBuffer } from "./tetrahedral.ts";

/** Still formats the engine reads and writes. PNG and TIFF keep 16 bits; JPEG and WebP are 8-bit. */
export const stillFormatSchema = z.enum(["png", "jpeg", "tiff", "webp"]);
export type StillFormat = z.infer<typeof stillFormatSchema>;

/** A decoded still: interleaved RGB(A) pixels plus what is needed to write it back the same way. */
export type DecodedStill = PixelBuffer & { format: StillFormat; bitDepth: 8 | 16 };

/** Encoder settings; quality applies to JPEG and WebP. */
export type EncodeOptions = { format: StillFormat; quality?: number };

/** Reads a still into raw RGB(A) pixels, 16-bit when the file is 16-bit (PNG, TIFF), 8-bit otherwise. */
export async function decodeStill(input: Buffer | string): Promise<DecodedStill> {
  let metadata: Metadata;
  try {
    metadata = await sharp(input).metadata();
  } catch (error) {
    throw new AppError(
      "unprocessable:image",
      "The image could not be read (it may be corrupt or not an image).",
      {
        cause: error,
      },
    );
  }
  const format = stillFormatSchema.safeParse(metadata.format);
  if (!format.success) {
    throw new AppError(
      "unsupported_media_type:image",
      `Images in ${metadata.format ?? "this"} format cannot be graded; use PNG, JPEG, TIFF or WebP.`,
    );
  }
  const bitDepth = metadata.depth === "ushort" ? 16 : 8;
  try {
    const { data, info } = await sharp(input, { failOn: "truncated" })
      .toColourspace(bitDepth === 16 ? "rgb16" : "srgb")
      .raw({ depth: bitDepth === 16 ? "ushort" : "uchar" })
      .toBuffer({ resolveWithObject: true });
    const pixels =
      bitDepth === 16
        ? new Uint16Array(data.buffer, data.byteOffset, data.length / 2)
        : new Uint8Array(data.buffer, data.byteOffset, data.length);
    if (info.channels !== 3 && info.channels !== 4) {
      throw new AppError("unprocessable:image", `Unexpected ${info.channels}-channel pixels after decoding.`);
    }
    return {
      data: pixels,
      width: info.width,
      height: info.height,
      channels: info.channels,
      format: format.data,
      bitDepth,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("unprocessable:image", "The image data is corrupt or truncated.", { cause: error });
  }
}

/** Encodes raw pixels; 16-bit pixels stay 16-bit in PNG and TIFF and are reduced to 8 bits for JPEG and WebP. */
export async function encodeStill(pixels: PixelBuffer, options: EncodeOptions): Promise<Buffer> {
  const sixteen =
    pixels.data instanceof Uint16Array && (options.format === "png" || options.format === "tiff");
  let image = sharp(pixels.data, {
    raw: { width: pixels.width, height: pixels.height, channels: pixels.channels },
  }).toColourspace(sixteen ? "rgb16" : "srgb");
  const quality = options.quality ?? 95;
  switch (options.format) {
    case "png":
      image = image.png({ compressionLevel: 6 });
      break;
    case "jpeg":
      image = image.jpeg({ quality, chromaSubsampling: "4:4:4" });
      break;
    case "tiff":
      // sharp's TIFF default is lossy JPEG compression, which would also drop 16-bit depth.
      image = image.tiff({ compression: "deflate" });
      break;
    case "webp":
      image = image.webp({ quality });
      break;
  }
  return image.toBuffer();
}

/** The still format of a file name, from its extension. */
export function stillFormatFromPath(path: string): StillFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const format = (
    { png: "png", jpg: "jpeg", jpeg: "jpeg", tif: "tiff", tiff: "tiff", webp: "webp" } as const
  )[extension as "png"];
  if (!format) {
    throw new AppError(
      "unsupported_media_type:image",
      `Cannot write .${extension ?? "?"} images; use PNG, JPEG, TIFF or WebP.`,
    );
  }
  return format;
}
