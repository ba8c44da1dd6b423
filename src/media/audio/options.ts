import { z } from "zod";

const strength = z.number().min(0).max(1);
const autoSwitch = z.union([z.boolean(), z.literal("auto")]);

/** Integrated loudness targets (LUFS) by delivery. */
export const loudnessTargets = { "ebu-r128": -23, podcast: -16, streaming: -14 } as const;

const timeRange = z
  .object({ start: z.number().min(0), end: z.number().positive() })
  .refine((range) => range.end > range.start, { message: "end must be after start" });

/**
 * Options of the cleaning chain; every stage can be switched off and has a strength (0–1).
 * "auto" stages engage from the analysis: hum removal when hum is found, noise reduction when the
 * estimated SNR is below 40 dB, so clean dialogue passes through untouched.
 */
export const cleanOptionsSchema = z.object({
  highPass: z
    .object({ enabled: z.boolean().default(true), frequency: z.number().min(20).max(300).default(80) })
    .prefault({}),
  humRemoval: z
    .object({
      enabled: autoSwitch.default("auto"),
      mains: z.union([z.literal("auto"), z.literal(50), z.literal(60)]).default("auto"),
      strength: strength.default(0.5),
      harmonics: z.int().min(1).max(24).default(24),
    })
    .prefault({}),
  deClick: z.object({ enabled: z.boolean().default(false), strength: strength.default(0.5) }).prefault({}),
  noiseReduction: z
    .object({
      enabled: autoSwitch.default("auto"),
      strength: strength.default(0.8),
      neural: z.boolean().default(true),
      /** Share of the neural (RNNoise) estimate in the blend with the spectral one. */
      neuralMix: strength.default(0.5),
      spectral: z.boolean().default(true),
      /** Seconds marked by the user as noise only; otherwise learned from the quietest passages. */
      noiseRange: timeRange.optional(),
    })
    .prefault({}),
  dereverb: z
    .object({
      enabled: z.boolean().default(false),
      strength: strength.default(0.7),
      /** Reverberation time in seconds; estimated blindly from the speech when absent. */
      t60: z.number().min(0.1).max(5).optional(),
    })
    .prefault({}),
  deEss: z.object({ enabled: z.boolean().default(false), strength: strength.default(0.5) }).prefault({}),
  loudness: z
    .object({
      enabled: z.boolean().default(true),
      target: z.enum(["ebu-r128", "podcast", "streaming"]).default("ebu-r128"),
      /** Overrides `target` with any integrated loudness. */
      targetLufs: z.number().min(-40).max(-5).optional(),
      truePeakDbtp: z.number().min(-9).max(0).default(-1),
    })
    .prefault({}),
});

export type CleanOptions = z.infer<typeof cleanOptionsSchema>;
export type CleanOptionsInput = z.input<typeof cleanOptionsSchema>;

const bitDepth = z.union([z.literal(16), z.literal(24)]);
const bitrate = z.int().min(64).max(320);

/** Output encodings; "video" puts the track back into the input's video with the picture copied. */
export const outputFormatSchema = z.discriminatedUnion("container", [
  z.object({ container: z.literal("wav"), bitDepth: bitDepth.default(24) }),
  z.object({ container: z.literal("flac"), bitDepth: bitDepth.default(24) }),
  z.object({ container: z.literal("mp3"), bitrateKbps: bitrate.default(256) }),
  z.object({ container: z.literal("m4a"), bitrateKbps: bitrate.default(256) }),
  z.object({ container: z.literal("video") }),
]);

export type OutputFormat = z.infer<typeof outputFormatSchema>;
export type OutputFormatInput = z.input<typeof outputFormatSchema>;

/** The format a file name implies, for callers that give only an output path. */
export function formatFromFileName(file: string): OutputFormat | undefined {
  const extension = file.slice(file.lastIndexOf(".") + 1).toLowerCase();
  if (extension === "wav" || extension === "flac" || extension === "mp3")
    return outputFormatSchema.parse({ container: extension });
  if (extension === "m4a" || extension === "aac") return outputFormatSchema.parse({ container: "m4a" });
  if (["mp4", "mov", "mkv", "m4v", "webm"].includes(extension)) return { container: "video" };
  return undefined;
}
