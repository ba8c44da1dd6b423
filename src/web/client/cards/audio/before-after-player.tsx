import { Pause, Play } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "../../components/button.tsx";
import { fileUrl } from "./audio-result-types.ts";

type Side = "before" | "after";

/**
 * Two `<audio>` elements playing in lockstep; the A/B toggle mutes one and unmutes the other at the same
 * moment, so the listener hears the difference without losing their place.
 */
export function BeforeAfterPlayer(props: { beforeFileId: string; afterFileId: string }) {
  const before = useRef<HTMLAudioElement>(null);
  const after = useRef<HTMLAudioElement>(null);
  const [side, setSide] = useState<Side>("after");
  const [playing, setPlaying] = useState(false);
  const elements = () => [before.current, after.current].filter((element) => element !== null);

  const choose = (next: Side) => {
    setSide(next);
    const source = next === "before" ? after.current : before.current;
    const target = next === "before" ? before.current : after.current;
    if (source && target) target.currentTime = source.currentTime;
    if (before.current) before.current.muted = next !== "before";
    if (after.current) after.current.muted = next !== "after";
  };
  const toggle = async () => {
    if (playing) {
      for (const element of elements()) element.pause();
      setPlaying(false);
      return;
    }
    const time = (side === "before" ? before.current : after.current)?.currentTime ?? 0;
    for (const element of elements()) element.currentTime = time;
    await Promise.all(elements().map((element) => element.play()));
    setPlaying(true);
  };

  return (
    <div className="flex items-center gap-2" data-testid="before-after-player">
      <audio
        ref={before}
        src={fileUrl(props.beforeFileId)}
        preload="auto"
        muted={side !== "before"}
        onEnded={() => setPlaying(false)}
      >
        <track kind="captions" />
      </audio>
      <audio
        ref={after}
        src={fileUrl(props.afterFileId)}
        preload="auto"
        muted={side !== "after"}
        onEnded={() => setPlaying(false)}
      >
        <track kind="captions" />
      </audio>
      <Button
        size="sm"
        variant="primary"
        onClick={() => void toggle()}
        aria-label={playing ? "Pause" : "Play"}
      >
        {playing ? <Pause size={14} /> : <Play size={14} />}
      </Button>
      <div
        className="inline-flex rounded-md border border-stone-700"
        role="radiogroup"
        aria-label="Listen to"
      >
        {(["before", "after"] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={side === option}
            onClick={() => choose(option)}
            className={`h-8 px-3 text-xs capitalize ${side === option ? "bg-amber-500 text-stone-950" : "text-stone-300 hover:bg-stone-800"}`}
          >
            {option === "before" ? "A · before" : "B · after"}
          </button>
        ))}
      </div>
      <a
        className="ml-auto text-xs text-amber-300 hover:underline"
        href={fileUrl(props.afterFileId)}
        download
      >
        Download
      </a>
    </div>
  );
}
