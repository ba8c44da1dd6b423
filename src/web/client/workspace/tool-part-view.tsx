import { type DynamicToolUIPart, getToolOrDynamicToolName, type ToolUIPart } from "ai";
import { Ban, Loader2, XCircle } from "lucide-react";
import { cardFor } from "../cards/registry.ts";
import { toolLabel } from "../lib/format.ts";
import { ApprovalRequest } from "./approval-request.tsx";

/** One tool call in a reply: running, waiting for approval, denied, failed, or its result card. */
export function ToolPartView(props: {
  part: ToolUIPart | DynamicToolUIPart;
  projectId: string;
  onApproval: (approvalId: string, approved: boolean) => void;
  busy: boolean;
}) {
  const { part } = props;
  const name = getToolOrDynamicToolName(part);
  switch (part.state) {
    case "input-streaming":
    case "input-available":
      return (
        <p className="my-2 flex items-center gap-2 text-sm text-stone-400" role="status">
          <Loader2 size={14} className="animate-spin" aria-hidden /> {toolLabel(name)}…
        </p>
      );
    case "approval-requested":
      return (
        <ApprovalRequest
          toolName={name}
          input={part.input}
          disabled={props.busy}
          onAnswer={(approved) => props.onApproval(part.approval.id, approved)}
        />
      );
    case "approval-responded":
      return (
        <p className="my-2 flex items-center gap-2 text-sm text-stone-400" role="status">
          <Loader2 size={14} className="animate-spin" aria-hidden />
          {part.approval.approved ? `Approved: ${toolLabel(name)}…` : `Denied: ${toolLabel(name)}`}
        </p>
      );
    case "output-denied":
      return (
        <p className="my-2 flex items-center gap-2 text-sm text-stone-400">
          <Ban size={14} aria-hidden /> You denied {toolLabel(name).toLowerCase()}; nothing was changed.
        </p>
      );
    case "output-error":
      return (
        <p className="my-2 flex items-start gap-2 text-sm text-red-300">
          <XCircle size={14} className="mt-0.5 shrink-0" aria-hidden /> {toolLabel(name)} failed:{" "}
          {part.errorText}
        </p>
      );
    case "output-available": {
      const Card = cardFor(name, part.output);
      return <Card toolName={name} input={part.input} output={part.output} projectId={props.projectId} />;
    }
    default:
      return null;
  }
}
