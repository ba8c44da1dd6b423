import { ShieldAlert } from "lucide-react";
import { useState } from "react";
import { ValueView } from "../cards/value-view.tsx";
import { Button } from "../components/button.tsx";
import { useProjects } from "../hooks/queries.ts";
import { toolLabel } from "../lib/format.ts";

/** A tool call that waits for the user: what it will do, and Approve / Deny. */
export function ApprovalRequest(props: {
  toolName: string;
  input: unknown;
  onAnswer: (approved: boolean) => void;
  disabled?: boolean;
}) {
  const [answered, setAnswered] = useState(false);
  const projects = useProjects();
  // Name the project rather than showing its id, when it is one of the user's.
  const shownInput =
    typeof props.input === "object" && props.input !== null && "projectId" in props.input
      ? (() => {
          const { projectId, ...rest } = props.input as { projectId: unknown };
          const title = projects.data?.find((project) => project.id === projectId)?.title;
          return title ? { project: title, ...rest } : props.input;
        })()
      : props.input;
  const answer = (approved: boolean) => {
    setAnswered(true);
    props.onAnswer(approved);
  };
  const destructive = /delete|remove/.test(props.toolName);
  return (
    <section
      className="my-2 rounded-lg border border-amber-600/60 bg-amber-950/30 p-3 text-sm"
      aria-label={`Approval needed: ${toolLabel(props.toolName)}`}
      data-testid="approval-request"
    >
      <h3 className="mb-1 flex items-center gap-2 font-medium text-amber-200">
        <ShieldAlert size={16} aria-hidden /> Approval needed: {toolLabel(props.toolName)}
      </h3>
      <p className="mb-2 text-stone-300">
        {destructive
          ? "This cannot be undone. Nothing happens until you approve."
          : "This spends credits or changes your project. Nothing happens until you approve."}
      </p>
      <div className="mb-3">
        <ValueView value={shownInput} />
      </div>
      <div className="flex gap-2">
        <Button
          variant={destructive ? "danger" : "primary"}
          size="sm"
          disabled={answered || props.disabled}
          onClick={() => answer(true)}
        >
          Approve
        </Button>
        <Button size="sm" disabled={answered || props.disabled} onClick={() => answer(false)}>
          Deny
        </Button>
      </div>
    </section>
  );
}
