import { z } from "zod";
import {
  alexaWideGamutPrimaries,
  gamutConversionMatrix,
  identityMatrix,
  type Matrix3,
  type Primaries,
  rec709Primaries,
  sGamut3CinePrimaries,
  vGamutPrimaries,
} from "./color-matrices.ts";
import {
  arriLogC3Transfer,
  bt1886Transfer,
  panasonicVLogTransfer,
  sonySLog3Transfer,
  srgbTransfer,
  type TransferFunction,
} from "./transfer-functions.ts";

/**
 * The colour space of the footage or still being graded:
 * - `rec709`: Rec.709 video, decoded with BT.1886 (pure 2.4 gamma, display-referred);
 * - `srgb`: sRGB stills, decoded with the IEC 61966-2-1 piecewise curve (display-referred);
 * - `arri-logc3`: ARRI LogC3 EI 800 in ALEXA Wide Gamut (scene-referred);
 * - `sony-slog3`: Sony S-Log3 in S-Gamut3.Cine (scene-referred);
 * - `panasonic-vlog`: Panasonic V-Log in V-Gamut (scene-referred).
 */
export const inputColorSpaceSchema = z.enum(["rec709", "srgb", "arri-logc3", "sony-slog3", "panasonic-vlog"]);
export type InputColorSpace = z.infer<typeof inputColorSpaceSchema>;

/** The display encoding of the graded result: `bt1886` (Rec.709 video, 2.4 gamma) or `srgb` (stills, web). */
export const outputTransferSchema = z.enum(["bt1886", "srgb"]);
export type OutputTransfer = z.infer<typeof outputTransferSchema>;

/** How an input space is decoded into the linear Rec.709 working space. */
export type InputColorSpaceDefinition = {
  transfer: TransferFunction;
  /** Camera gamut → linear Rec.709. */
  toWorking: Matrix3;
  /** Scene-referred spaces get a highlight roll-off before display encoding; display-referred ones clip. */
  sceneReferred: boolean;
  /** The output encoding used when the grade does not choose one. */
  defaultOutput: OutputTransfer;
};

function cameraSpace(transfer: TransferFunction, primaries: Primaries): InputColorSpaceDefinition {
  return {
    transfer,
    toWorking: gamutConversionMatrix(primaries, rec709Primaries),
    sceneReferred: true,
    defaultOutput: "bt1886",
  };
}

export const inputColorSpaces: Record<InputColorSpace, InputColorSpaceDefinition> = {
  rec709: {
    transfer: bt1886Transfer,
    toWorking: identityMatrix,
    sceneReferred: false,
    defaultOutput: "bt1886",
  },
  srgb: { transfer: srgbTransfer, toWorking: identityMatrix, sceneReferred: false, defaultOutput: "srgb" },
  "arri-logc3": cameraSpace(arriLogC3Transfer, alexaWideGamutPrimaries),
  "sony-slog3": cameraSpace(sonySLog3Transfer, sGamut3CinePrimaries),
  "panasonic-vlog": cameraSpace(panasonicVLogTransfer, vGamutPrimaries),
};

export const outputTransfers: Record<OutputTransfer, TransferFunction> = {
  bt1886: bt1886Transfer,
  srgb: srgbTransfer,
};
