import { ArrowUp, Square } from "lucide-react";
import { type FormEvent, type KeyboardEvent, useRef } from "react";
import { Button } from "../components/button.tsx";
import type { StudioFile } from "../lib/types.ts";
import { FileMentionPicker, mentionText } from "./file-mention-picker.tsx";

/** The message box: Enter sends, Shift+Enter adds a line; @ mentions a file; Stop while the reply streams. */
export function ChatComposer(props: {
  draft: string;
  onDraftChange: (draft: string) => void;
  onSend: () => void;
  onStop: () => void;
  streaming: boolean;
  files: StudioFile[];
  textareaRef: React.RefObject<HTMLTextAreaElement | null>;
}) {
  const selection = useRef<{ start: number; end: number } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!props.streaming && props.draft.trim()) props.onSend();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (!props.streaming && props.draft.trim()) props.onSend();
    }
  };
  const insertMention = (file: StudioFile) => {
    const text = mentionText(file);
    const range = selection.current ?? { start: props.draft.length, end: props.draft.length };
    const before = props.draft.slice(0, range.start);
    const spacer = before && !before.endsWith(" ") ? " " : "";
    const next = `${before}${spacer}${text} ${props.draft.slice(range.end)}`;
    props.onDraftChange(next);
    const caret = before.length + spacer.length + text.length + 1;
    window.setTimeout(() => {
      props.textareaRef.current?.focus();
      props.textareaRef.current?.setSelectionRange(caret, caret);
    }, 0);
  };

  return (
    <form onSubmit={submit} className="border-t border-stone-800 bg-stone-950 p-2 sm:p-3">
      <div className="flex items-end gap-1 rounded-xl border border-stone-700 bg-stone-900 p-1.5 focus-within:border-amber-500">
        <FileMentionPicker files={props.files} onPick={insertMention} />
        <label htmlFor="chat-input" className="sr-only">
          Message the studio
        </label>
        <textarea
          id="chat-input"
          ref={props.textareaRef}
          rows={1}
          value={props.draft}
          onChange={(event) => props.onDraftChange(event.target.value)}
          onKeyDown={onKeyDown}
          onSelect={(event) =>
            (selection.current = {
              start: event.currentTarget.selectionStart,
              end: event.currentTarget.selectionEnd,
            })
          }
          placeholder="Ask about your script, or tell the studio what to do…"
          className="max-h-48 min-h-10 min-w-0 flex-1 resize-none bg-transparent px-2 py-2 text-stone-100 outline-none focus-visible:outline-none placeholder:text-stone-500 [field-sizing:content]"
          aria-describedby="chat-input-hint"
        />
        {props.streaming ? (
          <Button
            variant="secondary"
            onClick={props.onStop}
            aria-label="Stop generating"
            title="Stop generating"
          >
            <Square size={14} aria-hidden /> <span className="hidden sm:inline">Stop</span>
          </Button>
        ) : (
          <Button
            type="submit"
            variant="primary"
            disabled={!props.draft.trim()}
            aria-label="Send message"
            title="Send (Enter)"
          >
            <ArrowUp size={16} aria-hidden />
          </Button>
        )}
      </div>
      <p id="chat-input-hint" className="mt-1 hidden px-1 text-xs text-stone-500 sm:block">
        Enter to send · Shift+Enter for a new line · @ to mention a file · ? for shortcuts
      </p>
    </form>
  );
}
