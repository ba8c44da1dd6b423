import { isToolOrDynamicToolUIPart, type UIMessage } from "ai";
import { BookOpen, Sparkles, UserRound } from "lucide-react";
import { ToolPartView } from "./tool-part-view.tsx";

/** One message: its text, the sources it cites, and its tool calls as cards. */
export function MessageView(props: {
  message: UIMessage;
  projectId: string;
  busy: boolean;
  onApproval: (approvalId: string, approved: boolean) => void;
}) {
  const { message } = props;
  const mine = message.role === "user";
  const sources = message.parts.filter(
    (part) => part.type === "source-document" || part.type === "source-url",
  );
  return (
    <article
      className={`flex gap-3 ${mine ? "flex-row-reverse" : ""}`}
      aria-label={mine ? "You said" : "Studio replied"}
      data-testid={mine ? "user-message" : "assistant-message"}
    >
      <div
        className={`mt-1 flex size-7 shrink-0 items-center justify-center rounded-full ${mine ? "bg-stone-700" : "bg-amber-600/30 text-amber-400"}`}
        aria-hidden
      >
        {mine ? <UserRound size={15} /> : <Sparkles size={15} />}
      </div>
      <div
        className={`min-w-0 max-w-[85%] ${mine ? "rounded-2xl rounded-tr-sm bg-stone-800 px-3 py-2" : "flex-1"}`}
      >
        {message.parts.map((part, index) => {
          const key = `${message.id}-${index}`;
          if (part.type === "text") {
            return (
              <p key={key} className="leading-relaxed break-words whitespace-pre-wrap">
                {part.text}
              </p>
            );
          }
          if (isToolOrDynamicToolUIPart(part)) {
            return (
              <ToolPartView
                key={key}
                part={part}
                projectId={props.projectId}
                busy={props.busy}
                onApproval={props.onApproval}
              />
            );
          }
          return null;
        })}
        {sources.length > 0 ? (
          <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Sources">
            {sources.map((part, index) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: source parts have no id of their own
                key={`${message.id}-source-${index}`}
                className="flex items-center gap-1 rounded-full border border-stone-700 px-2 py-0.5 text-xs text-stone-300"
              >
                <BookOpen size={12} aria-hidden />
                {part.type === "source-url" ? (
                  <a href={part.url} className="hover:underline">
                    {part.title ?? part.url}
                  </a>
                ) : part.type === "source-document" ? (
                  part.title
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  );
}
