import { useChat } from "@ai-sdk/react";
import { useQueryClient } from "@tanstack/react-query";
import {
  DefaultChatTransport,
  lastAssistantMessageIsCompleteWithApprovalResponses,
  type UIMessage,
} from "ai";
import { Loader2, RotateCcw } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "../components/button.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { keys } from "../hooks/queries.ts";
import { api } from "../lib/api.ts";
import type { StudioFile } from "../lib/types.ts";
import { ChatComposer } from "./chat-composer.tsx";
import { chatErrorText } from "./chat-error-text.ts";
import { MessageView } from "./message-view.tsx";
import { SuggestedPrompts } from "./suggested-prompts.tsx";

/**
 * The conversation: streams replies with `useChat`, sends only the last message (the server keeps the
 * history), learns a new thread's id from `X-Thread-Id`, answers approvals, stops, and retries.
 */
export function ChatPanel(props: {
  projectId: string;
  threadId: string | null;
  initialMessages: UIMessage[];
  files: StudioFile[];
  onThreadLearned: (threadId: string) => void;
  onUpload: () => void;
}) {
  const queryClient = useQueryClient();
  const threadIdRef = useRef(props.threadId);
  const learnedRef = useRef(props.onThreadLearned);
  learnedRef.current = props.onThreadLearned;
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const endRef = useRef<HTMLDivElement | null>(null);
  const [draft, setDraft] = useState("");
  const lastSent = useRef("");

  const transport = useMemo(
    () =>
      new DefaultChatTransport({
        api: "/api/chat",
        credentials: "same-origin",
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          const threadId = response.headers.get("X-Thread-Id");
          if (threadId && threadId !== threadIdRef.current) {
            threadIdRef.current = threadId;
            learnedRef.current(threadId);
          }
          return response;
        },
        prepareSendMessagesRequest: ({ messages }) => ({
          body: {
            ...(threadIdRef.current ? { threadId: threadIdRef.current } : {}),
            projectId: props.projectId,
            message: messages.at(-1),
          },
        }),
      }),
    [props.projectId],
  );

  const chat = useChat({
    messages: props.initialMessages,
    transport,
    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
    onFinish: () => {
      void queryClient.invalidateQueries({ queryKey: keys.me });
      void queryClient.invalidateQueries({ queryKey: keys.projects });
      void queryClient.invalidateQueries({ queryKey: keys.files(props.projectId) });
      void queryClient.invalidateQueries({ queryKey: keys.threads(props.projectId) });
    },
  });
  const streaming = chat.status === "submitted" || chat.status === "streaming";

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the messages change
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: "end" });
  }, [chat.messages]);

  const send = (text: string) => {
    const trimmed = text.trim();
    if (!trimmed || streaming) return;
    lastSent.current = trimmed;
    chat.clearError();
    void chat.sendMessage({ text: trimmed });
  };
  const sendDraft = () => {
    send(draft);
    setDraft("");
  };
  const stop = async () => {
    const threadId = threadIdRef.current;
    await chat.stop();
    if (threadId) await api(`/api/chat/${threadId}/stop`, { method: "POST" }).catch(() => undefined);
  };
  const retry = () => {
    chat.clearError();
    const last = chat.messages.at(-1);
    const lastUserIndex = chat.messages.findLastIndex((message) => message.role === "user");
    if (
      last?.role === "assistant" &&
      last.parts.some((part) => "approval" in part && part.state === "approval-responded")
    ) {
      void chat.sendMessage();
      return;
    }
    // Resend the user's last message as a new message (the server may have kept the first attempt).
    const text =
      lastUserIndex >= 0
        ? (chat.messages[lastUserIndex]?.parts
            .map((part) => (part.type === "text" ? part.text : ""))
            .join("") ?? "")
        : lastSent.current;
    if (lastUserIndex >= 0) chat.setMessages(chat.messages.slice(0, lastUserIndex));
    void chat.sendMessage({ text: text || lastSent.current });
  };
  const draftPrompt = (text: string) => {
    setDraft(text);
    window.setTimeout(() => textareaRef.current?.focus(), 0);
  };

  const failure = chat.error ? chatErrorText(chat.error) : null;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="min-h-0 flex-1 overflow-y-auto" aria-live="polite" aria-busy={streaming}>
        {chat.messages.length === 0 ? (
          <SuggestedPrompts
            files={props.files}
            onSend={send}
            onDraft={draftPrompt}
            onUpload={props.onUpload}
          />
        ) : (
          <div className="mx-auto flex max-w-3xl flex-col gap-5 px-3 py-4 sm:px-6">
            {chat.messages.map((message) => (
              <MessageView
                key={message.id}
                message={message}
                projectId={props.projectId}
                busy={streaming}
                onApproval={(approvalId, approved) =>
                  void chat.addToolApprovalResponse({ id: approvalId, approved })
                }
              />
            ))}
            {chat.status === "submitted" ? (
              <p className="flex items-center gap-2 text-sm text-stone-400" role="status">
                <Loader2 size={14} className="animate-spin" aria-hidden /> Thinking…
              </p>
            ) : null}
            {failure ? (
              <ErrorMessage
                action={
                  <Button size="sm" onClick={retry}>
                    <RotateCcw size={14} aria-hidden /> Retry
                  </Button>
                }
              >
                {failure.text}
              </ErrorMessage>
            ) : null}
            <div ref={endRef} />
          </div>
        )}
      </div>
      <ChatComposer
        draft={draft}
        onDraftChange={setDraft}
        onSend={sendDraft}
        onStop={() => void stop()}
        streaming={streaming}
        files={props.files}
        textareaRef={textareaRef}
      />
    </div>
  );
}
