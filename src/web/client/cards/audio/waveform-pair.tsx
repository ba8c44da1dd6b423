import { type PointerEvent, useRef, useState } from "react";
import { fileUrl, type WaveformPair } from "./audio-result-types.ts";

type Range = { start: number; end: number };

/**
 * Before/after waveform images. Dragging across the "before" waveform marks a noise-only range; the card
 * shows it as a request the user can paste, since the noise profile is an option of the clean tools.
 */
export function WaveformPairView(props: { waveforms: WaveformPair; durationSeconds: number }) {
  const area = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState<Range | null>(null);
  const [anchor, setAnchor] = useState<number | null>(null);
  const secondsAt = (event: PointerEvent<HTMLDivElement>) => {
    const box = area.current?.getBoundingClientRect();
    if (!box || box.width === 0) return 0;
    const share = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    return share * props.durationSeconds;
  };
  const request = range
    ? `clean the audio with the noise range ${range.start.toFixed(1)}–${range.end.toFixed(1)} s`
    : null;

  return (
    <div className="space-y-1" data-testid="waveform-pair">
      <p className="text-xs text-stone-400">Before — drag across a part with only noise to mark it</p>
      <div
        ref={area}
        className="relative cursor-crosshair select-none"
        onPointerDown={(event) => {
          const at = secondsAt(event);
          setAnchor(at);
          setRange({ start: at, end: at });
        }}
        onPointerMove={(event) => {
          if (anchor === null) return;
          const at = secondsAt(event);
          setRange({ start: Math.min(anchor, at), end: Math.max(anchor, at) });
        }}
        onPointerUp={() => setAnchor(null)}
      >
        <img
          src={fileUrl(props.waveforms.before.pngFileId)}
          alt="Waveform before cleaning"
          className="h-16 w-full rounded bg-stone-950 object-fill"
          draggable={false}
        />
        {range && range.end > range.start ? (
          <div
            className="pointer-events-none absolute inset-y-0 bg-amber-400/30"
            style={{
              left: `${(range.start / props.durationSeconds) * 100}%`,
              width: `${((range.end - range.start) / props.durationSeconds) * 100}%`,
            }}
          />
        ) : null}
      </div>
      <p className="text-xs text-stone-400">After</p>
      <img
        src={fileUrl(props.waveforms.after.pngFileId)}
        alt="Waveform after cleaning"
        className="h-16 w-full rounded bg-stone-950 object-fill"
      />
      {request && range && range.end - range.start > 0.1 ? (
        <p className="text-xs text-stone-300">
          Noise range {range.start.toFixed(1)}–{range.end.toFixed(1)} s. Ask: “{request}”
          <button
            type="button"
            className="ml-2 text-amber-300 hover:underline"
            onClick={() => void navigator.clipboard?.writeText(request)}
          >
            Copy
          </button>
        </p>
      ) : null}
    </div>
  );
}
