import { Plus } from "lucide-react";
import { Button } from "../components/button.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { useThreads } from "../hooks/queries.ts";
import { ThreadRow } from "./thread-row.tsx";

/** The project's conversations, newest first, and a button for a new one. */
export function ThreadList(props: {
  projectId: string;
  activeThreadId: string | null;
  onOpen: (threadId: string) => void;
  onNew: () => void;
}) {
  const threads = useThreads(props.projectId);
  return (
    <nav aria-label="Conversations" className="flex min-h-0 flex-1 flex-col gap-2 p-2">
      <Button onClick={props.onNew} className="w-full justify-start" title="New conversation (Alt+N)">
        <Plus size={15} aria-hidden /> New conversation
      </Button>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {threads.isPending ? (
          <p className="px-2 text-sm text-stone-400">Loading…</p>
        ) : threads.isError ? (
          <ErrorMessage>{threads.error.message}</ErrorMessage>
        ) : threads.data.length === 0 ? (
          <p className="px-2 py-1 text-sm text-stone-500">No conversations yet.</p>
        ) : (
          <ul className="flex flex-col gap-0.5">
            {threads.data.map((thread) => (
              <ThreadRow
                key={thread.id}
                thread={thread}
                projectId={props.projectId}
                active={thread.id === props.activeThreadId}
                onOpen={() => props.onOpen(thread.id)}
                onDeleted={() => {
                  if (thread.id === props.activeThreadId) props.onNew();
                }}
              />
            ))}
          </ul>
        )}
      </div>
    </nav>
  );
}
