import type { ReactNode } from "react";

/** A friendly "nothing here yet" with what to do next. */
export function EmptyState(props: { icon?: ReactNode; title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-stone-700 px-4 py-6 text-center">
      {props.icon ? <div className="text-stone-500">{props.icon}</div> : null}
      <p className="font-medium text-stone-200">{props.title}</p>
      {props.children ? <div className="text-sm text-stone-400">{props.children}</div> : null}
    </div>
  );
}
