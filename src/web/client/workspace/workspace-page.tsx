import { useQuery, useQueryClient } from "@tanstack/react-query";
import { MessagesSquare, PanelRight, Trash2 } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { AppLink } from "../components/app-link.tsx";
import { Button } from "../components/button.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { Sheet } from "../components/sheet.tsx";
import { DeleteProjectDialog } from "../dashboard/delete-project-dialog.tsx";
import { keys, useFiles, useProject } from "../hooks/queries.ts";
import { api } from "../lib/api.ts";
import { navigate, useLocation } from "../lib/router.ts";
import { onCommand } from "../lib/studio-commands.ts";
import type { ThreadWithMessages } from "../lib/types.ts";
import { ChatPanel } from "./chat-panel.tsx";
import { SidePanel } from "./side-panel.tsx";
import { ThreadList } from "./thread-list.tsx";
import { useUploadQueue } from "./use-upload-queue.ts";

type Conversation = { threadId: string | null; key: number };

/** A project's workspace: conversations on the left, the chat at the center, files/library/jobs on the right. */
export function WorkspacePage(props: { projectId: string }) {
  const { search } = useLocation();
  const queryClient = useQueryClient();
  const project = useProject(props.projectId);
  const files = useFiles(props.projectId);
  const uploads = useUploadQueue(props.projectId);
  const fileInput = useRef<HTMLInputElement | null>(null);
  const [conversation, setConversation] = useState<Conversation>(() => ({
    threadId: search.get("thread"),
    key: 0,
  }));
  const [threadsOpen, setThreadsOpen] = useState(false);
  const [panelOpen, setPanelOpen] = useState(false);
  const [panelTab, setPanelTab] = useState("files");
  const [deleting, setDeleting] = useState(false);

  const history = useQuery({
    queryKey: ["thread", conversation.threadId, conversation.key],
    enabled: conversation.threadId !== null,
    queryFn: () => api<ThreadWithMessages>(`/api/threads/${conversation.threadId}`),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });

  const openThread = useCallback(
    (threadId: string | null) => {
      setConversation((current) => ({ threadId, key: current.key + 1 }));
      setThreadsOpen(false);
      navigate(`/projects/${props.projectId}${threadId ? `?thread=${threadId}` : ""}`, { replace: true });
    },
    [props.projectId],
  );
  // A new conversation got its id from the server: remember it without reloading the chat.
  const learnThread = useCallback(
    (threadId: string) => {
      navigate(`/projects/${props.projectId}?thread=${threadId}`, { replace: true });
      void queryClient.invalidateQueries({ queryKey: keys.threads(props.projectId) });
    },
    [props.projectId, queryClient],
  );
  const pickFiles = () => fileInput.current?.click();

  useEffect(
    () =>
      onCommand((command) => {
        if (command === "new-thread") openThread(null);
        if (command === "focus-search") {
          setPanelTab("library");
          if (window.matchMedia("(max-width: 1279px)").matches) setPanelOpen(true);
        }
      }),
    [openThread],
  );

  if (project.isError) {
    return (
      <main className="mx-auto max-w-lg p-6">
        <ErrorMessage
          action={
            <AppLink href="/" className="text-sm underline">
              Back to projects
            </AppLink>
          }
        >
          {project.error.message}
        </ErrorMessage>
      </main>
    );
  }

  const threadList = (
    <ThreadList
      projectId={props.projectId}
      activeThreadId={conversation.threadId}
      onOpen={openThread}
      onNew={() => openThread(null)}
    />
  );
  const sidePanel = (
    <SidePanel
      projectId={props.projectId}
      uploads={uploads}
      onPickFiles={pickFiles}
      tab={panelTab}
      onTabChange={setPanelTab}
    />
  );
  const chatReady = conversation.threadId === null || history.isSuccess;

  return (
    <div className="flex min-h-0 flex-1">
      <aside
        className="hidden w-64 shrink-0 flex-col border-r border-stone-800 lg:flex"
        aria-label="Conversations panel"
      >
        {threadList}
      </aside>
      <main className="flex min-w-0 flex-1 flex-col" aria-labelledby="project-title">
        <div className="flex h-12 shrink-0 items-center gap-2 border-b border-stone-800 px-2 sm:px-3">
          <Button
            size="sm"
            variant="ghost"
            className="lg:hidden"
            onClick={() => setThreadsOpen(true)}
            aria-label="Conversations"
          >
            <MessagesSquare size={16} aria-hidden />
          </Button>
          <h1 id="project-title" className="min-w-0 flex-1 truncate font-semibold">
            {project.data?.title ?? "…"}
          </h1>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setDeleting(true)}
            aria-label="Delete project"
            title="Delete project"
            disabled={!project.data}
          >
            <Trash2 size={16} aria-hidden />
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="xl:hidden"
            onClick={() => setPanelOpen(true)}
            aria-label="Files, library and jobs"
          >
            <PanelRight size={16} aria-hidden />
            <span className="hidden sm:inline">Files</span>
          </Button>
        </div>
        {history.isError ? (
          <div className="p-4">
            <ErrorMessage
              action={
                <Button size="sm" onClick={() => openThread(null)}>
                  New conversation
                </Button>
              }
            >
              {history.error.message}
            </ErrorMessage>
          </div>
        ) : chatReady ? (
          <ChatPanel
            key={conversation.key}
            projectId={props.projectId}
            threadId={conversation.threadId}
            initialMessages={history.data?.messages ?? []}
            files={files.data ?? []}
            onThreadLearned={learnThread}
            onUpload={pickFiles}
          />
        ) : (
          <p className="p-6 text-sm text-stone-400" role="status">
            Loading the conversation…
          </p>
        )}
      </main>
      <aside
        className="hidden w-80 shrink-0 flex-col border-l border-stone-800 xl:flex"
        aria-label="Files, library and jobs"
      >
        {sidePanel}
      </aside>
      <Sheet open={threadsOpen} onOpenChange={setThreadsOpen} title="Conversations" side="left">
        {threadList}
      </Sheet>
      <Sheet open={panelOpen} onOpenChange={setPanelOpen} title="Files, library and jobs" side="right">
        {sidePanel}
      </Sheet>
      <input
        ref={fileInput}
        type="file"
        multiple
        className="hidden"
        aria-label="Choose files to upload"
        data-testid="file-input"
        onChange={(event) => {
          const chosen = Array.from(event.target.files ?? []);
          if (chosen.length > 0) {
            uploads.add(chosen);
            setPanelTab("files");
            if (window.matchMedia("(max-width: 1279px)").matches) setPanelOpen(true);
          }
          event.target.value = "";
        }}
      />
      {project.data ? (
        <DeleteProjectDialog
          project={project.data}
          open={deleting}
          onOpenChange={setDeleting}
          afterDelete="/"
        />
      ) : null}
    </div>
  );
}
