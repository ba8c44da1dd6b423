import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { ErrorMessage } from "../components/error-message.tsx";
import { Modal } from "../components/modal.tsx";
import { formatBytes } from "../lib/format.ts";
import type { StudioFile } from "../lib/types.ts";

function TextPreview(props: { file: StudioFile }) {
  const text = useQuery({
    queryKey: ["file-text", props.file.id],
    queryFn: async () => {
      const response = await fetch(`/api/files/${props.file.id}/content`, { credentials: "same-origin" });
      if (!response.ok) throw new Error("The file could not be read. Try again, or download it.");
      return response.text();
    },
  });
  if (text.isPending) return <p className="text-sm text-stone-400">Loading the text…</p>;
  if (text.isError) return <ErrorMessage>{text.error.message}</ErrorMessage>;
  return (
    <pre className="max-h-[60vh] overflow-auto rounded bg-stone-950 p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap text-stone-200">
      {text.data.slice(0, 200_000)}
    </pre>
  );
}

/** Shows a file: screenplay text, an image, or an audio/video player; anything else can be downloaded. */
export function AssetPreview(props: { file: StudioFile | null; onClose: () => void }) {
  const file = props.file;
  const source = file ? `/api/files/${file.id}/content` : "";
  const textual =
    file &&
    (file.kind === "screenplay" || file.mimeType.startsWith("text/")) &&
    !file.mimeType.includes("pdf");
  return (
    <Modal
      open={file !== null}
      onOpenChange={(open) => !open && props.onClose()}
      title={file?.name ?? ""}
      description={file ? `${file.kind} · ${file.mimeType} · ${formatBytes(file.sizeBytes)}` : undefined}
      wide
    >
      {file ? (
        <div className="flex flex-col gap-3">
          {textual ? (
            <TextPreview file={file} />
          ) : file.mimeType.startsWith("image/") ? (
            <img src={source} alt={file.name} className="max-h-[60vh] w-full rounded object-contain" />
          ) : file.mimeType.startsWith("audio/") ? (
            // biome-ignore lint/a11y/useMediaCaption: user-uploaded audio has no captions to offer
            <audio controls src={source} className="w-full" aria-label={`Play ${file.name}`} />
          ) : file.mimeType.startsWith("video/") ? (
            // biome-ignore lint/a11y/useMediaCaption: user-uploaded footage has no captions to offer
            <video
              controls
              src={source}
              className="max-h-[60vh] w-full rounded bg-black"
              aria-label={`Play ${file.name}`}
            />
          ) : (
            <p className="text-sm text-stone-400">
              No preview for this kind of file; download it to open it.
            </p>
          )}
          <a
            href={source}
            className="inline-flex items-center gap-2 self-start text-sm text-amber-400 hover:underline"
          >
            <Download size={14} aria-hidden /> Download
          </a>
        </div>
      ) : null}
    </Modal>
  );
}
