import { AlertTriangle } from "lucide-react";
import type { ReactNode } from "react";

/** An error said plainly, with what to do next (the server's message already says so). */
export function ErrorMessage(props: { children: ReactNode; action?: ReactNode }) {
  return (
    <div
      role="alert"
      className="flex items-start gap-2 rounded-md border border-red-900 bg-red-950/60 px-3 py-2 text-sm text-red-200"
    >
      <AlertTriangle size={16} className="mt-0.5 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1 break-words">{props.children}</div>
      {props.action}
    </div>
  );
}
