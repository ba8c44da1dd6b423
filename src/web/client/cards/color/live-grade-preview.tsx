import * as Slider from "@radix-ui/react-slider";
import { useEffect, useMemo, useRef, useState } from "react";
import { compileGrade } from "../../../../media/color/compile-grade.ts";
import type { GradeInput } from "../../../../media/color/grade-schema.ts";
import { gradePresets, type PresetId } from "../../../../media/color/presets.ts";
import { GradeControls, type LiveAdjustments } from "./grade-controls.tsx";
import { createLutRenderer, type LutRenderer } from "./lut-renderer.ts";

/**
 * The frame with the grade applied live in WebGL2 while the controls move: the same `compileGrade` LUT
 * and tetrahedral lookup the render uses, so what is seen here is what `grade-media` writes.
 */
export function LiveGradePreview(props: {
  imageUrl: string;
  initialPreset: PresetId | null;
  initialAdjustments: LiveAdjustments;
  inputSpace: GradeInput["inputSpace"];
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<LutRenderer | null>(null);
  const [preset, setPreset] = useState(props.initialPreset);
  const [adjustments, setAdjustments] = useState(props.initialAdjustments);
  const [split, setSplit] = useState(0);
  const splitRef = useRef(split);
  const [problem, setProblem] = useState<string | null>(null);
  const base = useMemo<GradeInput>(() => (preset ? gradePresets[preset].grade : {}), [preset]);
  const lut = useMemo(
    () => compileGrade({ ...base, ...adjustments, inputSpace: props.inputSpace ?? "rec709" }, { size: 33 }),
    [base, adjustments, props.inputSpace],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    try {
      rendererRef.current = createLutRenderer(canvas);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
    if (!rendererRef.current) {
      setProblem((current) => current ?? "This browser has no WebGL2; use Preview to see the look.");
      return undefined;
    }
    const image = new Image();
    image.onload = () => {
      rendererRef.current?.setImage(image);
      rendererRef.current?.render(splitRef.current / 100);
    };
    image.onerror = () => setProblem("The frame could not be loaded; run the preview again.");
    image.src = props.imageUrl;
    return () => {
      rendererRef.current?.dispose();
      rendererRef.current = null;
    };
  }, [props.imageUrl]);

  useEffect(() => {
    rendererRef.current?.setLut(lut);
    rendererRef.current?.render(splitRef.current / 100);
  }, [lut]);

  useEffect(() => {
    splitRef.current = split;
    rendererRef.current?.render(split / 100);
  }, [split]);

  if (problem) return <p className="text-xs text-amber-300">{problem}</p>;
  return (
    <div className="space-y-2" data-testid="live-grade-preview">
      <canvas ref={canvasRef} className="block h-auto w-full rounded border border-stone-800 bg-black" />
      <Slider.Root
        className="relative flex h-4 touch-none items-center select-none"
        value={[split]}
        min={0}
        max={100}
        step={1}
        onValueChange={([value]) => setSplit(value ?? 0)}
      >
        <Slider.Track className="relative h-1 grow rounded bg-stone-700" />
        <Slider.Thumb
          aria-label="Show the original left of this line"
          className="block h-3 w-3 rounded-full bg-stone-200 focus:ring-2 focus:ring-amber-300 focus:outline-none"
        />
      </Slider.Root>
      <GradeControls
        preset={preset}
        adjustments={adjustments}
        base={base}
        onPreset={setPreset}
        onAdjust={setAdjustments}
      />
    </div>
  );
}
