import type { FileKind } from "../db/schema/files.ts";

export type UploadLimits = Record<FileKind, number>;

const megabyte = 1024 * 1024;

/** Upload size limits per kind, in bytes, from the configured megabytes. */
export function uploadLimits(config: {
  UPLOAD_LIMIT_SCREENPLAY_MB: number;
  UPLOAD_LIMIT_IMAGE_MB: number;
  UPLOAD_LIMIT_AUDIO_MB: number;
  UPLOAD_LIMIT_VIDEO_MB: number;
  UPLOAD_LIMIT_MODEL_MB: number;
  UPLOAD_LIMIT_LUT_MB: number;
}): UploadLimits {
  return {
    screenplay: config.UPLOAD_LIMIT_SCREENPLAY_MB * megabyte,
    document: config.UPLOAD_LIMIT_SCREENPLAY_MB * megabyte,
    image: config.UPLOAD_LIMIT_IMAGE_MB * megabyte,
    audio: config.UPLOAD_LIMIT_AUDIO_MB * megabyte,
    video: config.UPLOAD_LIMIT_VIDEO_MB * megabyte,
    model: config.UPLOAD_LIMIT_MODEL_MB * megabyte,
    lut: config.UPLOAD_LIMIT_LUT_MB * megabyte,
  };
}
