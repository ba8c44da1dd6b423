import type { UIMessage } from "ai";
import { AppError } from "../lib/errors.ts";

type ApprovalPart = {
  type: string;
  state?: string;
  approval?: { id: string; approved?: boolean; reason?: string };
};

/**
 * Applies the user's approval answers from the client's copy of the last assistant message onto the
 * stored copy. Only approved/denied (and a reason) cross over: a client cannot forge tool inputs or outputs.
 */
export function applyApprovalResponses(stored: UIMessage, incoming: { parts: unknown[] }): UIMessage {
  const answers = new Map<string, { approved: boolean; reason?: string }>();
  for (const part of incoming.parts as ApprovalPart[]) {
    if (part.state === "approval-responded" && part.approval && typeof part.approval.approved === "boolean") {
      answers.set(part.approval.id, {
        approved: part.approval.approved,
        ...(part.approval.reason ? { reason: String(part.approval.reason).slice(0, 500) } : {}),
      });
    }
  }
  if (answers.size === 0) {
    throw new AppError(
      "bad_request:approval",
      "Nothing to continue: approve or deny the pending action, or send a new message.",
    );
  }
  let applied = 0;
  const parts = stored.parts.map((part) => {
    const candidate = part as ApprovalPart;
    const answer = candidate.approval ? answers.get(candidate.approval.id) : undefined;
    if (candidate.state !== "approval-requested" || !answer || !candidate.approval) return part;
    applied += 1;
    return {
      ...part,
      state: "approval-responded",
      approval: { ...candidate.approval, ...answer },
    } as typeof part;
  });
  if (applied === 0) {
    throw new AppError(
      "conflict:approval",
      "That action is no longer waiting for approval; reload the conversation.",
    );
  }
  return { ...stored, parts };
}

/** The approvals still waiting in a message: tool name, input and approval id. */
export function pendingApprovals(
  message: UIMessage | undefined,
): { approvalId: string; tool: string; input: unknown }[] {
  if (!message) return [];
  return message.parts.flatMap((part) => {
    const candidate = part as ApprovalPart & { input?: unknown };
    if (candidate.state !== "approval-requested" || !candidate.approval) return [];
    return [
      {
        approvalId: candidate.approval.id,
        tool: candidate.type.replace(/^tool-/, ""),
        input: candidate.input,
      },
    ];
  });
}
