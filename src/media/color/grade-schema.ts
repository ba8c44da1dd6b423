import { z } from "zod";
import { inputColorSpaceSchema, outputTransferSchema } from "./color-spaces.ts";
import { lut3dSchema } from "./lut.ts";

function perChannel(neutral: number, min: number, max: number) {
  const value = z.number().min(min).max(max).default(neutral);
  return z.object({ master: value, r: value, g: value, b: value }).prefault({});
}

/**
 * One grade: every parameter at its default is the identity. Operations run in linear light with
 * Rec.709 primaries, in this order (see README.md for the formulas):
 * decode input → white balance → exposure → contrast → highlights/shadows → lift/gamma/gain →
 * saturation/vibrance → display rendering → output encoding → creative LUT (mixed).
 */
export const gradeSchema = z.object({
  /** Colour space of the source. */
  inputSpace: inputColorSpaceSchema.default("rec709"),
  /** Display encoding of the result; defaults to sRGB for sRGB input, BT.1886 otherwise. */
  outputTransfer: outputTransferSchema.optional(),
  /** Exposure in stops (a linear gain of 2^exposure). */
  exposure: z.number().min(-6).max(6).default(0),
  /** Contrast as a power around `pivot` in linear light; black and the brightest input value stay put. */
  contrast: z.number().min(0.25).max(3).default(1),
  /** Linear-light value left unchanged by contrast (0.18: mid grey). */
  pivot: z.number().min(0.01).max(0.9).default(0.18),
  /** Saturation around Rec.709 luminance: 0 is monochrome, 1 unchanged. */
  saturation: z.number().min(0).max(3).default(1),
  /** Saturation that favours muted colours: positive boosts them, negative mutes them more. */
  vibrance: z.number().min(-1).max(1).default(0),
  /** Warmth, −150 to 150: positive warms (treats the light as bluer), negative cools. */
  temperature: z.number().min(-150).max(150).default(0),
  /** Green–magenta, −150 to 150: positive adds magenta, negative adds green. */
  tint: z.number().min(-150).max(150).default(0),
  /** Cone space of the von Kries white balance. */
  chromaticAdaptation: z.enum(["bradford", "cat02"]).default("bradford"),
  /** Raises (positive) or crushes (negative) the blacks, per channel, in linear light (white = 1). */
  lift: perChannel(0, -0.25, 0.25),
  /** Power on the midtones (above 1 brightens), per channel; master × channel. */
  gamma: perChannel(1, 0.2, 5),
  /** Multiplier on the whole range, per channel; master × channel. */
  gain: perChannel(1, 0, 4),
  /** Brightens (positive) or recovers (negative) the range between mid grey and white. */
  highlights: z.number().min(-1).max(1).default(0),
  /** Opens (positive) or deepens (negative) the range between black and mid grey. */
  shadows: z.number().min(-1).max(1).default(0),
  /** How much saturation and vibrance changes spare skin hues: 0 not at all, 1 fully. */
  skinProtection: z.number().min(0).max(1).default(0),
  /** A look LUT applied to the display-encoded result and mixed in by `mix`. */
  creativeLut: z.object({ lut: lut3dSchema, mix: z.number().min(0).max(1).default(1) }).optional(),
});

/** A validated grade with every default filled in. */
export type Grade = z.output<typeof gradeSchema>;
/** What a caller may pass: any subset of the parameters. */
export type GradeInput = z.input<typeof gradeSchema>;

/** Validates a grade and fills in defaults; a bad value throws a ZodError naming the field. */
export function defineGrade(input: GradeInput = {}): Grade {
  return gradeSchema.parse(input);
}
