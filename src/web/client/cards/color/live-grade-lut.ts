import { compileGrade } from "../../../../media/color/compile-grade.ts";
import type { GradeInput } from "../../../../media/color/grade-schema.ts";
import { layerGrade } from "../../../../media/color/layer-grade.ts";
import type { Lut3d } from "../../../../media/color/lut.ts";
import { gradePresets } from "../../../../media/color/presets.ts";
import type { LiveGrade } from "../../../../tools/color/live-grade.ts";

/** The resolved grade under the live sliders: the preset with the spec's adjustments laid over it. */
export function liveGradeBase(grade: Pick<LiveGrade, "preset" | "adjustments">): GradeInput {
  return layerGrade<GradeInput>(grade.preset ? gradePresets[grade.preset].grade : {}, grade.adjustments);
}

/**
 * The one LUT of a grade as the render compiles it (`resolveGrade` + `compileGrade` on the server): the
 * preset, the spec's adjustments, the slider changes on top, the input colour space and the creative LUT
 * (already fetched, see `fetchCreativeLut`) with its mix.
 */
export function compileLiveGrade(input: {
  grade: LiveGrade;
  creativeLut: Lut3d | null;
  sliders?: GradeInput;
}): Lut3d {
  const { grade, creativeLut } = input;
  return compileGrade(
    {
      ...layerGrade(liveGradeBase(grade), input.sliders),
      inputSpace: grade.inputColorSpace,
      ...(creativeLut && grade.lut ? { creativeLut: { lut: creativeLut, mix: grade.lut.mix } } : {}),
    },
    { size: 33 },
  );
}
