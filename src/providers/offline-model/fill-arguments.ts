import type { JSONSchema7 } from "@ai-sdk/provider";
import {
  capitalisedRun,
  namedValue,
  numbersIn,
  quotedValues,
  searchTopic,
  uuidsIn,
} from "./extract-values.ts";
import { chooseFile, type FileMention, type ProjectFile } from "./file-mentions.ts";
import type { ToolProfile } from "./tool-profile.ts";
import { isStopWord, splitWords } from "./words.ts";

/** What the request and the system prompt tell the model, for filling a tool's arguments. */
export type RequestFacts = {
  text: string;
  /** The concepts of the request without the names it gives (its intent). */
  concepts: string[];
  /** The concepts of the whole request, names and file names included (for enum values). */
  allConcepts: string[];
  /** The request's words with file names and given names removed (what is left to search for). */
  leftoverWords: string[];
  mentions: FileMention[];
  requestKinds: string[];
  files: ProjectFile[];
  projectId?: string;
  jobs: { id: string; tool: string; status: string }[];
  /** The file the conversation last acted on, for "it" / "am". */
  previousFileId?: string;
  readConcept: (word: string) => string;
};

/** A required argument the model could not determine, and why. */
export type MissingArgument =
  | { property: string; reason: "file"; candidates: ProjectFile[] }
  | { property: string; reason: "enum"; options: string[] }
  | { property: string; reason: "value" };

export type FilledArguments = { input: Record<string, unknown>; missing: MissingArgument[] };

/** Fills a tool's arguments from its JSON schema: ids, files, enums, numbers, flags and names. */
export function fillArguments(profile: ToolProfile, facts: RequestFacts): FilledArguments {
  const properties = Object.entries(profile.schema.properties ?? {})
    .filter((entry): entry is [string, JSONSchema7] => typeof entry[1] === "object")
    .map(([name, schema]): [string, JSONSchema7] => [name, oneAlternative(schema)]);
  const required = new Set(profile.schema.required ?? []);
  const input: Record<string, unknown> = {};
  const missing: MissingArgument[] = [];
  const fileProperties = properties
    .filter(([name, schema]) => isFileProperty(name, schema))
    .map(([name]) => name);
  const files = assignFiles(fileProperties, profile, facts);
  const usedNumbers = new Set<number>();

  for (const [name, schema] of properties) {
    const isRequired = required.has(name);
    let value: unknown;
    if (fileProperties.includes(name)) {
      const choice = files.get(name);
      if (choice?.type === "found") value = choice.file.id;
      else if (isRequired) {
        missing.push({
          property: name,
          reason: "file",
          candidates: choice?.type === "ambiguous" ? choice.candidates : [],
        });
        continue;
      }
    } else if (isIdProperty(name, schema)) {
      value = /project/i.test(name)
        ? facts.projectId
        : /job/i.test(name)
          ? chooseJob(facts)
          : uuidsIn(facts.text)[0];
    } else if (Array.isArray(schema.enum)) {
      value = chooseEnum(schema.enum, facts);
      if (value === undefined && isRequired) {
        missing.push({ property: name, reason: "enum", options: schema.enum.map(String) });
        continue;
      }
    } else if (schema.type === "number" || schema.type === "integer") {
      value = chooseNumber(name, schema, facts, { isRequired, usedNumbers });
    } else if (schema.type === "boolean") {
      value = flagMentioned(name, facts) ? true : undefined;
    } else if (schema.type === "string") {
      value = chooseText(name, isRequired, facts);
    }
    if (value !== undefined) input[name] = value;
    else if (isRequired) missing.push({ property: name, reason: "value" });
  }
  return { input, missing };
}

function isIdProperty(name: string, schema: JSONSchema7): boolean {
  return schema.format === "uuid" || /Id$|_id$|^id$/.test(name);
}

function isFileProperty(name: string, schema: JSONSchema7): boolean {
  return isIdProperty(name, schema) && (/file/i.test(name) || /\bfile\b/i.test(schema.description ?? ""));
}

/** The main file takes the first file named; a "reference" file the next one. */
function assignFiles(properties: string[], profile: ToolProfile, facts: RequestFacts) {
  const choices = new Map<string, ReturnType<typeof chooseFile>>();
  const ordered = [...properties].sort(
    (left, right) => Number(isSecondary(left)) - Number(isSecondary(right)),
  );
  const remaining = [...facts.mentions];
  for (const property of ordered) {
    const secondary = isSecondary(property);
    const mentions = remaining.length > 0 ? [remaining.shift() as FileMention] : [];
    if (mentions.length === 0 && secondary) {
      choices.set(property, { type: "ambiguous", candidates: facts.files });
      continue;
    }
    const previous = facts.files.find((file) => file.id === facts.previousFileId);
    if (mentions.length === 0 && previous && /\b(it|am|this|that|same)\b/i.test(facts.text)) {
      choices.set(property, { type: "found", file: previous });
      continue;
    }
    choices.set(
      property,
      chooseFile({
        mentions,
        requestKinds: facts.requestKinds,
        toolKinds: profile.kinds,
        files: facts.files,
      }),
    );
  }
  return choices;
}

function isSecondary(property: string): boolean {
  return /reference|target|match|source|second|other/i.test(property);
}

function chooseJob(facts: RequestFacts): string | undefined {
  const written = uuidsIn(facts.text).find((id) => facts.jobs.some((job) => job.id === id));
  if (written) return written;
  const named = facts.jobs.find((job) =>
    splitWords(job.tool).some(
      (word) => !isStopWord(word) && facts.concepts.includes(facts.readConcept(word)),
    ),
  );
  if (named) return named.id;
  const active = facts.jobs.find((job) => job.status === "running" || job.status === "queued");
  return (active ?? facts.jobs[0])?.id;
}

function chooseEnum(values: JSONSchema7["enum"] & unknown[], facts: RequestFacts): unknown {
  let best: { value: unknown; hits: number } | undefined;
  const lower = facts.text.toLowerCase();
  for (const value of values) {
    if (typeof value === "number") {
      if (numbersIn(facts.text).some((number) => number.value === value)) return value;
      continue;
    }
    if (typeof value !== "string") continue;
    if (value.length > 2 && spaced(lower).includes(spaced(value.toLowerCase()))) return value;
    const words = splitWords(value).filter((word) => !isStopWord(word) && !/^\d+$/.test(word));
    const hits = words.filter((word) => facts.allConcepts.includes(facts.readConcept(word))).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { value, hits };
  }
  return best?.value;
}

function spaced(text: string): string {
  return ` ${text.replace(/[^a-z0-9]+/g, " ").trim()} `;
}

function chooseNumber(
  name: string,
  schema: JSONSchema7,
  facts: RequestFacts,
  state: { isRequired: boolean; usedNumbers: Set<number> },
): number | undefined {
  const numbers = numbersIn(facts.text).filter((number) => !state.usedNumbers.has(number.start));
  const nameConcepts = splitWords(name)
    .filter((word) => !isStopWord(word) && word !== "number")
    .map(facts.readConcept);
  const words = [...facts.text.toLowerCase().matchAll(/[a-z]+/g)];
  const near = numbers.find((number) =>
    words.some(
      (word) =>
        word.index !== undefined &&
        Math.abs(word.index - number.start) <= word[0].length + 12 &&
        nameConcepts.includes(facts.readConcept(word[0])),
    ),
  );
  const chosen = near ?? (state.isRequired && numbers.length === 1 ? numbers[0] : undefined);
  if (!chosen) return undefined;
  state.usedNumbers.add(chosen.start);
  return schema.type === "integer" ? Math.round(chosen.value) : chosen.value;
}

function flagMentioned(name: string, facts: RequestFacts): boolean {
  const words = splitWords(name).filter((word) => !isStopWord(word));
  const subject = words[words.length - 1];
  return subject !== undefined && facts.concepts.includes(facts.readConcept(subject));
}

function chooseText(name: string, isRequired: boolean, facts: RequestFacts): string | undefined {
  if (/title|name|label|caption/i.test(name)) {
    return namedValue(facts.text) ?? (isRequired ? capitalisedRun(facts.text) : undefined);
  }
  if (/query|question|search|term|keyword|topic|element|text|prompt|subject/i.test(name)) {
    const leftover = facts.leftoverWords.join(" ");
    return searchTopic(facts.text)?.replace(/^(?:the|my|a|an|our)\s+/i, "") ?? (leftover || undefined);
  }
  if (!isRequired) return undefined;
  return quotedValues(facts.text)[0] ?? namedValue(facts.text) ?? capitalisedRun(facts.text);
}

/** A property that takes one of several shapes (`anyOf`) is filled as its number shape, else its first. */
function oneAlternative(schema: JSONSchema7): JSONSchema7 {
  const alternatives = (schema.anyOf ?? []).filter(
    (item: JSONSchema7 | boolean): item is JSONSchema7 => typeof item === "object",
  );
  if (alternatives.length === 0) return schema;
  const numeric = alternatives.find((item: JSONSchema7) => item.type === "number" || item.type === "integer");
  return {
    ...(numeric ?? alternatives[0]),
    ...(schema.description ? { description: schema.description } : {}),
  };
}
