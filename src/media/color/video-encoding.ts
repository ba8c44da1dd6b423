import { z } from "zod";
import { AppError } from "../../lib/errors.ts";

/** Output codec: keep the source's (when it is one of these) or choose H.264, HEVC or ProRes 422 HQ. */
export const videoCodecSchema = z.enum(["keep", "h264", "hevc", "prores"]);
export type VideoCodec = z.infer<typeof videoCodecSchema>;

/** Encoder quality: x264/x265 constant rate factor and speed preset (ignored by ProRes). */
export const encoderQualitySchema = z.object({
  crf: z.number().min(0).max(51).default(18),
  preset: z
    .enum(["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow"])
    .default("medium"),
});
export type EncoderQuality = z.input<typeof encoderQualitySchema>;

const containers = ["mp4", "m4v", "mov", "mkv"] as const;
type Container = (typeof containers)[number];

function containerOf(path: string): Container {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const container = containers.find((candidate) => candidate === extension);
  if (!container) {
    throw new AppError(
      "unsupported_media_type:video",
      `Cannot write .${extension ?? "?"} video; use an .mp4, .mov or .mkv output file.`,
    );
  }
  return container;
}

/** Bit depth and chroma layout of a pixel format name such as `yuv422p10le`, `nv12` or `p010le`. */
export function describePixelFormat(pixelFormat: string): {
  bitDepth: number;
  chroma: "420" | "422" | "444";
} {
  const planar = /(?:p|gray)(9|10|12|14|16)(?:le|be)?$/.exec(pixelFormat)?.[1];
  const semiPlanar = /^[pyx][024]1?(10|12|16)/.exec(pixelFormat)?.[1];
  const bitDepth = planar
    ? Number(planar)
    : semiPlanar
      ? Number(semiPlanar)
      : /(48|64)(?:le|be)$/.test(pixelFormat)
        ? 16
        : 8;
  const chroma = /422|nv16|nv20|p210|y210/.test(pixelFormat)
    ? "422"
    : /444|gbr|rgb|bgr|nv24|p410/.test(pixelFormat)
      ? "444"
      : "420";
  return { bitDepth, chroma };
}

/**
 * ffmpeg arguments for the chosen encoder. The source's chroma layout is kept, and its bit depth up to 10
 * bits (8-bit stays 8-bit for H.264/HEVC; ProRes is always 10-bit 4:2:2 HQ). Unsupported requests are
 * `unsupported_media_type:video`.
 */
export function encoderArguments(options: {
  codec: VideoCodec;
  sourceCodec: string | undefined;
  sourcePixelFormat: string;
  output: string;
  quality?: EncoderQuality;
}): { codec: Exclude<VideoCodec, "keep">; pixelFormat: string; arguments: string[] } {
  const container = containerOf(options.output);
  const kept = ({ h264: "h264", hevc: "hevc", prores: "prores" } as const)[options.sourceCodec as "h264"];
  const codec = options.codec === "keep" ? kept : options.codec;
  if (!codec) {
    throw new AppError(
      "unsupported_media_type:video",
      `The source codec ${options.sourceCodec ?? "(unknown)"} cannot be kept; choose h264, hevc or prores.`,
    );
  }
  if (codec === "prores" && container !== "mov" && container !== "mkv") {
    throw new AppError("unsupported_media_type:video", "ProRes goes in a .mov (or .mkv) file, not .mp4.");
  }
  if (codec === "prores") {
    const pixelFormat = "yuv422p10le";
    return {
      codec,
      pixelFormat,
      arguments: ["-c:v", "prores_ks", "-profile:v", "3", "-vendor", "apl0", "-pix_fmt", pixelFormat],
    };
  }
  const { bitDepth, chroma } = describePixelFormat(options.sourcePixelFormat);
  const pixelFormat = `yuv${chroma}p${bitDepth > 8 ? "10le" : ""}`;
  const quality = encoderQualitySchema.parse(options.quality ?? {});
  const common = ["-crf", String(quality.crf), "-preset", quality.preset, "-pix_fmt", pixelFormat];
  if (codec === "h264") return { codec, pixelFormat, arguments: ["-c:v", "libx264", ...common] };
  const tag = container === "mkv" ? [] : ["-tag:v", "hvc1"];
  return {
    codec,
    pixelFormat,
    arguments: ["-c:v", "libx265", ...common, "-x265-params", "log-level=error", ...tag],
  };
}
