/** A labelled progress bar (0–1), announced to screen readers as a progressbar. */
export function ProgressBar(props: { value: number; label: string; tone?: "accent" | "danger" | "done" }) {
  const percent = Math.round(Math.min(1, Math.max(0, props.value)) * 100);
  const tone =
    props.tone === "danger" ? "bg-red-500" : props.tone === "done" ? "bg-emerald-500" : "bg-amber-500";
  return (
    <div
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-1.5 w-full overflow-hidden rounded-full bg-stone-800"
    >
      <div
        className={`h-full rounded-full transition-[width] duration-300 ${tone}`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
