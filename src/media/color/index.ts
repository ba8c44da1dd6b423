// The colour-grading engine's public API: one grade → one 3D LUT → stills, video and the browser preview.
export { type GradedStill, gradeStill, gradeStillFile } from "./apply-still.ts";
export {
  type FrameRange,
  frameRangeSchema,
  type GradedVideo,
  type GradeVideoOptions,
  gradeVideo,
} from "./apply-video.ts";
export { type AutoBalance, autoBalance } from "./auto-balance.ts";
export {
  type InputColorSpace,
  inputColorSpaceSchema,
  type OutputTransfer,
  outputTransferSchema,
} from "./color-spaces.ts";
export {
  type ColorTransform,
  type CompileOptions,
  compileGrade,
  createGradeTransform,
} from "./compile-grade.ts";
export { parseCube } from "./cube-import.ts";
export { type CubeFile, parseCubeFile } from "./cube-parse.ts";
export { formatCube } from "./cube-write.ts";
export type { FfmpegProgress } from "./ffmpeg-progress.ts";
export { defineGrade, type Grade, type GradeInput, gradeSchema } from "./grade-schema.ts";
export { layerGrade } from "./layer-grade.ts";
export { identityLut, type Lut3d, lut3dSchema } from "./lut.ts";
export { type GradePreset, gradePresets, type PresetId, presetGrade, presetIdSchema } from "./presets.ts";
export { extractFrame, type PreviewFrame, previewStillGrade, previewVideoGrade } from "./preview.ts";
export { type ColorStatistics, colorStatistics, matchReference } from "./reference-match.ts";
export { compareScopes, renderScopes, type Scopes } from "./scopes.ts";
export { type StillFormat, stillFormatSchema } from "./still-io.ts";
export { sampleLut } from "./tetrahedral.ts";
export {
  type EncoderQuality,
  encoderQualitySchema,
  type VideoCodec,
  videoCodecSchema,
} from "./video-encoding.ts";
export { type LutTexture, lutPreviewGlsl, packLutTexture } from "./webgl-lut.ts";
