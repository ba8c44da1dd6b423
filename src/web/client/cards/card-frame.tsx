import type { ReactNode } from "react";

/** The frame all cards share: an icon, a title, and the body. */
export function CardFrame(props: {
  icon: ReactNode;
  title: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <section
      className="my-2 min-w-0 rounded-lg border border-stone-700 bg-stone-900/80 p-3 text-sm"
      data-testid={props.testId ?? "tool-card"}
    >
      <h3 className="mb-2 flex items-center gap-2 font-medium text-stone-200">
        <span className="text-amber-400" aria-hidden>
          {props.icon}
        </span>
        {props.title}
      </h3>
      {props.children}
    </section>
  );
}
