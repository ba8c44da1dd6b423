import * as Slider from "@radix-ui/react-slider";
import { useState } from "react";

/**
 * Two pictures of the same frame, one over the other: dragging the handle (or the arrow keys on it)
 * moves the line between the original on the left and the grade on the right.
 */
export function BeforeAfterSlider(props: { beforeUrl: string; afterUrl: string; label: string }) {
  const [position, setPosition] = useState(50);
  return (
    <figure className="space-y-2" data-testid="before-after-slider">
      <div className="relative overflow-hidden rounded border border-stone-800 bg-black">
        <img src={props.beforeUrl} alt={`${props.label}: before`} className="block h-auto w-full" />
        <img
          src={props.afterUrl}
          alt={`${props.label}: after`}
          className="absolute inset-0 block h-full w-full"
          style={{ clipPath: `inset(0 0 0 ${position}%)` }}
        />
        <div
          className="pointer-events-none absolute inset-y-0 w-px bg-amber-400"
          style={{ left: `${position}%` }}
          aria-hidden
        />
        <span className="absolute top-1 left-1 rounded bg-black/60 px-1 text-xs text-stone-200">Before</span>
        <span className="absolute top-1 right-1 rounded bg-black/60 px-1 text-xs text-stone-200">After</span>
      </div>
      <Slider.Root
        className="relative flex h-5 w-full touch-none items-center select-none"
        value={[position]}
        onValueChange={([value]) => setPosition(value ?? 50)}
        min={0}
        max={100}
        step={1}
      >
        <Slider.Track className="relative h-1 grow rounded bg-stone-700">
          <Slider.Range className="absolute h-full rounded bg-amber-500/60" />
        </Slider.Track>
        <Slider.Thumb
          aria-label="Split between before and after"
          className="block h-4 w-4 rounded-full border border-amber-300 bg-amber-500 focus:ring-2 focus:ring-amber-300 focus:outline-none"
        />
      </Slider.Root>
    </figure>
  );
}
