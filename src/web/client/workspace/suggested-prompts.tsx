import { Lightbulb, Upload } from "lucide-react";
import type { StudioFile } from "../lib/types.ts";

/** Prompts that fit the project: upload first when empty; questions about the script once there is one. */
export function SuggestedPrompts(props: {
  files: StudioFile[];
  onSend: (text: string) => void;
  onDraft: (text: string) => void;
  onUpload: () => void;
}) {
  const screenplay = props.files.find((file) => file.kind === "screenplay");
  const chip =
    "flex items-center gap-2 rounded-full border border-stone-700 bg-stone-900 px-3 py-1.5 text-left text-sm text-stone-200 hover:border-amber-500 hover:bg-stone-800";
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-4 px-4 py-10 text-center">
      <h2 className="text-xl font-semibold">What shall we work on?</h2>
      {props.files.length === 0 ? (
        <>
          <p className="text-sm text-stone-400">
            This project is empty. Start with the screenplay: the studio answers from your own pages.
          </p>
          <button type="button" className={chip} onClick={props.onUpload}>
            <Upload size={15} className="text-amber-400" aria-hidden /> Upload your screenplay
          </button>
          <button type="button" className={chip} onClick={() => props.onSend("What can you do for my film?")}>
            <Lightbulb size={15} className="text-amber-400" aria-hidden /> What can you do for my film?
          </button>
        </>
      ) : (
        <ul className="flex flex-wrap justify-center gap-2" aria-label="Suggested prompts">
          {screenplay ? (
            <>
              <li>
                <button type="button" className={chip} onClick={() => props.onSend("Break down my script")}>
                  Break down my script
                </button>
              </li>
              <li>
                <button type="button" className={chip} onClick={() => props.onDraft("What happens in the ")}>
                  What happens in …?
                </button>
              </li>
              <li>
                <button
                  type="button"
                  className={chip}
                  onClick={() => props.onSend("Who are the main characters?")}
                >
                  Who are the main characters?
                </button>
              </li>
            </>
          ) : (
            <li>
              <button type="button" className={chip} onClick={props.onUpload}>
                Upload your screenplay
              </button>
            </li>
          )}
          <li>
            <button type="button" className={chip} onClick={() => props.onSend("What files do I have?")}>
              What files do I have?
            </button>
          </li>
          <li>
            <button
              type="button"
              className={chip}
              onClick={() => props.onSend("How many credits do I have?")}
            >
              How many credits do I have?
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
