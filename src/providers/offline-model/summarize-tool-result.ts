import type { JSONValue, LanguageModelV3ToolResultOutput } from "@ai-sdk/provider";

/** A finished tool call as it comes back in the prompt. */
export type ToolOutcome = { toolName: string; output: LanguageModelV3ToolResultOutput };

/** A short plain summary of what a tool call did (or why it did not). */
export function summarizeToolResult(outcome: ToolOutcome): string {
  const action = outcome.toolName.replace(/-/g, " ");
  const output = outcome.output;
  switch (output.type) {
    case "execution-denied":
      return `OK, I did not ${action}: the action was not approved.${output.reason ? ` (${output.reason})` : ""}`;
    case "error-text":
      return `I could not ${action}: ${output.value}`;
    case "error-json":
      return `I could not ${action}: ${errorMessage(output.value)}`;
    case "text":
      return `Done (${action}): ${clip(output.value, 400)}`;
    case "content":
      return `Done (${action}): ${clip(output.value.map((part) => (part.type === "text" ? part.text : "")).join(" "), 400)}`;
    case "json":
      return summarizeJson(action, output.value);
  }
}

function summarizeJson(action: string, value: JSONValue): string {
  if (!isObject(value)) return `Done (${action}): ${describe(value)}.`;
  const job = jobIn(value);
  if (job)
    return `Started a ${action} job (id: ${job.id}${job.status ? `, ${job.status}` : ""}). I'll report back when it finishes; ask me for its status any time.`;
  const parts = Object.entries(value)
    .map(([key, field]) => describeField(key, field))
    .filter(Boolean);
  return `Done (${action}). ${parts.join("; ")}.`.replace(/\.\s*\.$/, ".");
}

function describeField(key: string, field: JSONValue | undefined): string {
  if (field === undefined) return "";
  const label = key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  if (Array.isArray(field)) {
    if (field.length === 0) return `no ${label}`;
    const names = field.map(labelOf).filter(Boolean).slice(0, 8);
    const more =
      field.length > names.length && names.length > 0 ? ` and ${field.length - names.length} more` : "";
    return `${field.length} ${field.length === 1 ? singular(label) : label}${names.length > 0 ? `: ${names.join(", ")}${more}` : ""}`;
  }
  if (isObject(field)) {
    const name = labelOf(field);
    if (name) return `${label}: ${name}${typeof field.id === "string" ? ` (id: ${field.id})` : ""}`;
    const inner = Object.entries(field).map(([innerKey, innerField]) => describeField(innerKey, innerField));
    return `${label}: ${inner.filter(Boolean).slice(0, 4).join(", ")}`;
  }
  if (typeof field === "string" && field.length > 160) return `${label}: ${clip(field, 160)}`;
  return field === null ? "" : `${label}: ${describe(field)}`;
}

function jobIn(value: { [key: string]: JSONValue | undefined }): { id: string; status?: string } | undefined {
  if (typeof value.jobId === "string") {
    return { id: value.jobId, ...(typeof value.status === "string" ? { status: value.status } : {}) };
  }
  const job = value.job;
  if (isObject(job) && typeof job.id === "string") {
    return { id: job.id, ...(typeof job.status === "string" ? { status: job.status } : {}) };
  }
  return undefined;
}

function labelOf(value: JSONValue | undefined): string {
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (!isObject(value)) return "";
  for (const key of ["title", "name", "label", "heading", "id"]) {
    const field = value[key];
    if (typeof field === "string" || typeof field === "number")
      return key === "title" ? `“${field}”` : String(field);
  }
  return "";
}

function errorMessage(value: JSONValue): string {
  if (isObject(value)) {
    const message = value.message ?? (isObject(value.error) ? value.error.message : undefined);
    if (typeof message === "string") return message;
  }
  return describe(value);
}

function describe(value: JSONValue | undefined): string {
  if (typeof value === "string") return clip(value, 200);
  return clip(JSON.stringify(value) ?? "", 200);
}

function isObject(value: JSONValue | undefined): value is { [key: string]: JSONValue | undefined } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function singular(label: string): string {
  return label.endsWith("s") ? label.slice(0, -1) : label;
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
