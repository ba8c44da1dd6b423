import { CheckCircle2, X, XCircle } from "lucide-react";
import { ProgressBar } from "../components/progress-bar.tsx";
import { formatBytes } from "../lib/format.ts";
import type { UploadItem } from "./use-upload-queue.ts";

/** One upload: name, size, its progress bar, and the server's message if it was refused. */
export function UploadRow(props: { item: UploadItem; onDismiss: () => void }) {
  const { item } = props;
  return (
    <li className="flex flex-col gap-1 rounded-md border border-stone-800 p-2" data-testid="upload-row">
      <div className="flex items-center gap-2 text-sm">
        {item.status === "done" ? (
          <CheckCircle2 size={15} className="shrink-0 text-emerald-400" aria-label="Uploaded" />
        ) : item.status === "failed" ? (
          <XCircle size={15} className="shrink-0 text-red-400" aria-label="Failed" />
        ) : null}
        <span className="min-w-0 flex-1 truncate">{item.name}</span>
        <span className="shrink-0 text-xs text-stone-500">{formatBytes(item.size)}</span>
        {item.status === "uploading" ? (
          <button
            type="button"
            className="rounded p-0.5 text-stone-400 hover:bg-stone-800"
            aria-label={`Cancel the upload of ${item.name}`}
            onClick={item.cancel}
          >
            <X size={14} aria-hidden />
          </button>
        ) : (
          <button
            type="button"
            className="rounded p-0.5 text-stone-400 hover:bg-stone-800"
            aria-label={`Dismiss ${item.name}`}
            onClick={props.onDismiss}
          >
            <X size={14} aria-hidden />
          </button>
        )}
      </div>
      {item.status === "uploading" ? (
        <ProgressBar value={item.progress} label={`Uploading ${item.name}`} />
      ) : null}
      {item.status === "failed" && item.error ? (
        <p className="text-xs text-red-300" role="alert" data-testid="upload-error">
          {item.error}
        </p>
      ) : null}
    </li>
  );
}
