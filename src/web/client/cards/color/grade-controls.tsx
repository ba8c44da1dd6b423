import * as Slider from "@radix-ui/react-slider";
import type { GradeInput } from "../../../../media/color/grade-schema.ts";
import { gradePresets, type PresetId } from "../../../../media/color/presets.ts";

/** The controls the live preview offers; the full set is in the tools' adjustments. */
const controls = [
  { field: "exposure", label: "Exposure", min: -2, max: 2, step: 0.05, neutral: 0 },
  { field: "contrast", label: "Contrast", min: 0.5, max: 2, step: 0.01, neutral: 1 },
  { field: "temperature", label: "Warmth", min: -100, max: 100, step: 1, neutral: 0 },
  { field: "tint", label: "Tint", min: -100, max: 100, step: 1, neutral: 0 },
  { field: "saturation", label: "Saturation", min: 0, max: 2, step: 0.01, neutral: 1 },
  { field: "shadows", label: "Shadows", min: -1, max: 1, step: 0.01, neutral: 0 },
  { field: "highlights", label: "Highlights", min: -1, max: 1, step: 0.01, neutral: 0 },
] as const;

export type LiveAdjustments = Partial<Record<(typeof controls)[number]["field"], number>>;

/** A preset picker and sliders for the main adjustments. */
export function GradeControls(props: {
  preset: PresetId | null;
  adjustments: LiveAdjustments;
  base: GradeInput;
  onPreset(preset: PresetId | null): void;
  onAdjust(adjustments: LiveAdjustments): void;
}) {
  return (
    <div className="space-y-2">
      <label className="flex items-center gap-2 text-xs text-stone-300">
        Look
        <select
          className="rounded border border-stone-700 bg-stone-950 px-1 py-0.5 text-stone-100"
          value={props.preset ?? ""}
          onChange={(event) => props.onPreset((event.target.value || null) as PresetId | null)}
        >
          <option value="">Neutral</option>
          {Object.values(gradePresets).map((preset) => (
            <option key={preset.id} value={preset.id} title={preset.description}>
              {preset.name}
            </option>
          ))}
        </select>
      </label>
      {controls.map((control) => {
        const value = props.adjustments[control.field] ?? props.base[control.field] ?? control.neutral;
        return (
          <div key={control.field} className="grid grid-cols-[5.5rem_1fr_3rem] items-center gap-2 text-xs">
            <span className="text-stone-300">{control.label}</span>
            <Slider.Root
              className="relative flex h-4 touch-none items-center select-none"
              value={[value]}
              min={control.min}
              max={control.max}
              step={control.step}
              onValueChange={([next]) =>
                props.onAdjust({ ...props.adjustments, [control.field]: next ?? value })
              }
            >
              <Slider.Track className="relative h-1 grow rounded bg-stone-700">
                <Slider.Range className="absolute h-full rounded bg-amber-500/50" />
              </Slider.Track>
              <Slider.Thumb
                aria-label={control.label}
                className="block h-3 w-3 rounded-full bg-amber-400 focus:ring-2 focus:ring-amber-300 focus:outline-none"
              />
            </Slider.Root>
            <span className="text-right text-stone-400 tabular-nums">
              {value.toFixed(control.step < 1 ? 2 : 0)}
            </span>
          </div>
        );
      })}
    </div>
  );
}
