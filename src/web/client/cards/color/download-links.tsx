import { Download } from "lucide-react";
import { fileContentUrl } from "./file-url.ts";

/** Download links for files the tool made. */
export function DownloadLinks(props: { links: { fileId: string; label: string }[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-2">
      {props.links.map((link) => (
        <li key={link.fileId}>
          <a
            href={fileContentUrl(link.fileId)}
            download
            className="inline-flex items-center gap-1 rounded border border-stone-700 px-2 py-1 text-xs text-stone-200 hover:bg-stone-800"
          >
            <Download size={12} aria-hidden />
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
