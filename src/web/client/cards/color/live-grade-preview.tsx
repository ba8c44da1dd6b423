import * as Slider from "@radix-ui/react-slider";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Lut3d } from "../../../../media/color/lut.ts";
import type { PresetId } from "../../../../media/color/presets.ts";
import type { LiveGrade } from "../../../../tools/color/live-grade.ts";
import { fetchCreativeLut } from "./creative-lut.ts";
import { GradeControls, type LiveAdjustments } from "./grade-controls.tsx";
import { compileLiveGrade, liveGradeBase } from "./live-grade-lut.ts";
import { createLutRenderer, type LutRenderer } from "./lut-renderer.ts";

type CreativeLutState = { status: "none" | "loading" } | { status: "ready"; lut: Lut3d };

/**
 * The frame with the grade applied live in WebGL2 while the controls move: the full grade (preset,
 * adjustments, user preset, creative `.cube` with its mix) compiled by the same `compileGrade` into the
 * one LUT the render applies, with the same tetrahedral lookup, so what is seen here is what
 * `grade-media` writes.
 */
export function LiveGradePreview(props: { imageUrl: string; grade: LiveGrade }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<LutRenderer | null>(null);
  const [preset, setPreset] = useState<PresetId | null>(props.grade.preset);
  const [sliders, setSliders] = useState<LiveAdjustments>({});
  const [split, setSplit] = useState(0);
  const splitRef = useRef(split);
  const [problem, setProblem] = useState<string | null>(null);
  const lutFileId = props.grade.lut?.fileId ?? null;
  const [creative, setCreative] = useState<CreativeLutState>({ status: lutFileId ? "loading" : "none" });
  const grade = useMemo(() => ({ ...props.grade, preset }), [props.grade, preset]);
  const base = useMemo(() => liveGradeBase(grade), [grade]);
  const lut = useMemo(
    () =>
      creative.status === "loading"
        ? null
        : compileLiveGrade({
            grade,
            creativeLut: creative.status === "ready" ? creative.lut : null,
            sliders,
          }),
    [grade, creative, sliders],
  );

  useEffect(() => {
    if (!lutFileId) {
      setCreative({ status: "none" });
      return undefined;
    }
    let current = true;
    setCreative({ status: "loading" });
    fetchCreativeLut(lutFileId).then(
      (loaded) => current && setCreative({ status: "ready", lut: loaded }),
      (error: unknown) =>
        current &&
        setProblem(`${error instanceof Error ? error.message : String(error)} Use Preview to see the look.`),
    );
    return () => {
      current = false;
    };
  }, [lutFileId]);

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
    if (!lut) return;
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
      {creative.status === "loading" ? (
        <p className="text-xs text-stone-400">Loading the look's .cube…</p>
      ) : null}
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
        adjustments={sliders}
        base={base}
        onPreset={setPreset}
        onAdjust={setSliders}
      />
    </div>
  );
}
