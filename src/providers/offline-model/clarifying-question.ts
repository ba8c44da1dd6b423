import type { MissingArgument } from "./fill-arguments.ts";
import type { ToolProfile } from "./tool-profile.ts";
import { splitWords } from "./words.ts";

/** One short question for the first argument the model could not determine. */
export function clarifyingQuestion(profile: ToolProfile, missing: MissingArgument): string {
  const [verb = "", ...rest] = profile.name.split("-");
  const noun = rest.join(" ") || "it";
  const label = splitWords(missing.property)
    .filter((word) => word !== "id")
    .join(" ");

  if (missing.reason === "file") {
    const role = /reference|target|match/i.test(missing.property) ? "as the reference" : "";
    const listing = missing.candidates.map((file) => file.name);
    if (listing.length === 0) {
      return `Which file should I use${role ? ` ${role}` : ""}? I don't see a suitable file in this project yet: upload one first.`;
    }
    return `Which file should I use${role ? ` ${role}` : ""}: ${orList(listing)}?`;
  }
  if (missing.reason === "enum") return `Which ${label} should I use: ${orList(missing.options)}?`;
  if (/project/i.test(missing.property))
    return "Which project do you mean? Open a project first, or tell me its name.";
  if (/job/i.test(missing.property))
    return "Which job do you mean? I don't see a recent job in this project.";
  if (/title|name/i.test(missing.property)) {
    if (/^(create|new|add|make|start)$/.test(verb)) return `What should the new ${noun} be called?`;
    if (/^(rename|retitle)$/.test(verb)) return `What should the ${noun} be renamed to?`;
    return `What ${label} should I use?`;
  }
  if (/query|search|term|keyword|topic|element/i.test(missing.property)) return "What should I look for?";
  return `What ${label} should I use for ${noun === "it" ? profile.name : `the ${noun}`}?`;
}

function orList(items: string[]): string {
  const shown = items.slice(0, 10);
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
}
