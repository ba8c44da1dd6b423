import type { LanguageModelV3FunctionTool, LanguageModelV3Prompt } from "@ai-sdk/provider";
import { answerFromPassages } from "./answer-from-passages.ts";
import { closeExample, matchThreshold, scoreTools } from "./choose-tool.ts";
import { clarifyingQuestion } from "./clarifying-question.ts";
import { namedValue, numbersIn, quotedValues, searchTopic } from "./extract-values.ts";
import { findFileMentions } from "./file-mentions.ts";
import { fillArguments, type RequestFacts } from "./fill-arguments.ts";
import { questionOpeners } from "./lexicon.ts";
import { readPrompt } from "./read-prompt.ts";
import { summarizeToolResult, type ToolOutcome } from "./summarize-tool-result.ts";
import { buildCatalog, kindsIn, type ToolCatalog, type ToolHint, type ToolProfile } from "./tool-profile.ts";
import { conceptsOf, isStopWord, splitWords } from "./words.ts";

/** What the offline model says in one step: text, or one tool call. */
export type Reply =
  | { type: "text"; text: string }
  | { type: "tool-call"; toolName: string; input: Record<string, unknown> };

/**
 * Decides one step of the conversation. Intent is read only from the last user message; the system
 * prompt supplies facts (project, files, jobs, passages) but never instructions the model obeys.
 */
export function decideReply(input: {
  prompt: LanguageModelV3Prompt;
  tools: LanguageModelV3FunctionTool[];
  hints: ToolHint[];
}): Reply {
  const conversation = readPrompt(input.prompt);
  const catalog = buildCatalog(input.tools, input.hints);
  if (conversation.outcomes.length > 0 || conversation.calledSinceRequest.length > 0) {
    const summaries = conversation.outcomes.map(
      (outcome) =>
        answerFromFoundPassages(outcome, conversation.request, catalog) ?? summarizeToolResult(outcome),
    );
    return { type: "text", text: summaries.join("\n") || "Done." };
  }
  const request = conversation.request;
  if (!request) return { type: "text", text: `What would you like to do? ${capabilities(catalog)}` };

  const facts = requestFacts(request, conversation, catalog);
  const isQuestion = asksForInformation(request);
  const scores = scoreTools(facts.concepts, catalog);
  const best = scores[0];
  const passages = conversation.facts.passages;

  // A search tool would only fetch passages like the ones already here, so those are tried first.
  const bestIsSearch = best?.profile.nameConcepts.includes("search") ?? false;
  if (
    isQuestion &&
    passages.length > 0 &&
    (bestIsSearch || !(best && best.exampleSimilarity >= closeExample))
  ) {
    const ignore = new Set(catalog.profiles.flatMap((profile) => profile.nameConcepts));
    const answer = answerFromPassages({
      question: request,
      passages,
      readConcept: catalog.readConcept,
      ignore,
    });
    if (answer) return { type: "text", text: answer };
  }
  if (best && best.score >= matchThreshold && !(isGreeting(facts) && best.exampleSimilarity < closeExample)) {
    return callOrClarify(best.profile, facts);
  }
  if (isQuestion) {
    const search = catalog.profiles.find((profile) => profile.nameConcepts.includes("search"));
    if (search) return callOrClarify(search, { ...facts, leftoverWords: [request] }, request);
    if (passages.length > 0)
      return { type: "text", text: "I couldn't find that in this project's material." };
  }
  if (isGreeting(facts)) return { type: "text", text: `Hello! ${capabilities(catalog)}` };
  return { type: "text", text: `I can't do that here. ${capabilities(catalog)}` };
}

function callOrClarify(profile: ToolProfile, facts: RequestFacts, query?: string): Reply {
  const filled = fillArguments(profile, facts);
  const missing = filled.missing[0];
  if (missing) return { type: "text", text: clarifyingQuestion(profile, missing) };
  if (query) {
    const queryProperty = Object.keys(profile.schema.properties ?? {}).find((name) =>
      /query|question/i.test(name),
    );
    if (queryProperty) filled.input[queryProperty] = query;
  }
  return { type: "tool-call", toolName: profile.name, input: filled.input };
}

function requestFacts(
  request: string,
  conversation: ReturnType<typeof readPrompt>,
  catalog: ToolCatalog,
): RequestFacts {
  const files = conversation.facts.files;
  const mentions = findFileMentions(request, files);
  // Names the user gives and file names are values, not intent: "call it Delete Me" is no deletion.
  let intentText = request;
  for (const value of [...quotedValues(request), namedValue(request) ?? ""].filter(Boolean)) {
    intentText = blankOut(intentText, value);
  }
  // What a search is for is a value too: "search the project for the generator" is a search.
  const topic = searchTopic(request);
  if (topic && conceptsOf(intentText, catalog.readConcept).includes("search"))
    intentText = blankOut(intentText, topic);
  const mentionedKinds: string[] = [];
  for (const mention of [...mentions].sort((left, right) => right.start - left.start)) {
    intentText = `${intentText.slice(0, mention.start)}${" ".repeat(mention.end - mention.start)}${intentText.slice(mention.end)}`;
    mentionedKinds.push(mention.file.kind);
  }
  const concepts = [
    ...conceptsOf(intentText, catalog.readConcept),
    ...mentionedKinds,
    ...impliedConcepts(intentText, catalog),
  ];
  const toolWords = new Set(catalog.profiles.flatMap((profile) => [...profile.coreConcepts]));
  const leftoverWords = splitWords(intentText).filter(
    (word) => !isStopWord(word) && !toolWords.has(catalog.readConcept(word)) && !questionOpeners.has(word),
  );
  return {
    text: request,
    concepts,
    allConcepts: [...concepts, ...conceptsOf(request, catalog.readConcept)],
    leftoverWords,
    mentions,
    requestKinds: kindsIn(conceptsOf(intentText, catalog.readConcept)),
    files,
    ...(conversation.facts.project ? { projectId: conversation.facts.project.id } : {}),
    jobs: conversation.facts.recentJobs,
    ...(conversation.previousFileId ? { previousFileId: conversation.previousFileId } : {}),
    readConcept: catalog.readConcept,
  };
}

/** Replaces a value with spaces of the same length, so positions found in the request stay valid. */
function blankOut(text: string, value: string): string {
  return text.replace(value, " ".repeat(value.length));
}

/**
 * Concepts a request implies without saying them: a number asks for something numbered ("scene 12"),
 * and a plural noun that a listing tool is named after asks for a list ("which projects").
 */
function impliedConcepts(text: string, catalog: ToolCatalog): string[] {
  const implied: string[] = [];
  if (numbersIn(text).length > 0) implied.push("number");
  const listings = catalog.profiles.filter((profile) => profile.nameConcepts.includes("list"));
  for (const word of splitWords(text)) {
    const concept = catalog.readConcept(word);
    if (!word.endsWith("s") || word === concept) continue;
    if (listings.some((profile) => profile.nameConcepts.includes(concept))) implied.push("list");
  }
  return implied;
}

function asksForInformation(request: string): boolean {
  const words = splitWords(request);
  const first = words[0] ?? "";
  if (questionOpeners.has(first)) return true;
  return /\?\s*$/.test(request) && words.some((word) => questionOpeners.has(word));
}

function isGreeting(facts: RequestFacts): boolean {
  return facts.concepts.length > 0 && facts.concepts.every((concept) => concept === "hello");
}

/** What the studio can do, from the offered tools' own names. */
function capabilities(catalog: ToolCatalog): string {
  const names = catalog.profiles.map((profile) => profile.name.replace(/-/g, " "));
  if (names.length === 0) return "I have no tools available right now.";
  const shown = names.slice(0, 12);
  return `I can ${shown.slice(0, -1).join(", ")}${shown.length > 1 ? " and " : ""}${shown[shown.length - 1]}.`;
}

/**
 * A search tool's result read as an answer: its passages (`{ source: { label } | string, text | content }`)
 * quoted extractively for the question, as when passages come in the system prompt.
 */
function answerFromFoundPassages(
  outcome: ToolOutcome,
  question: string | undefined,
  catalog: ToolCatalog,
): string | undefined {
  if (!question || outcome.output.type !== "json") return undefined;
  const value = outcome.output.value as { passages?: unknown };
  if (!value || typeof value !== "object" || !Array.isArray(value.passages)) return undefined;
  const passages = value.passages.flatMap((item) => {
    const passage = item as { source?: unknown; text?: unknown; content?: unknown };
    const source =
      typeof passage.source === "string"
        ? passage.source
        : typeof (passage.source as { label?: unknown } | undefined)?.label === "string"
          ? String((passage.source as { label: string }).label)
          : undefined;
    const content =
      typeof passage.text === "string"
        ? passage.text
        : typeof passage.content === "string"
          ? passage.content
          : undefined;
    return source && content ? [{ source, content }] : [];
  });
  if (passages.length === 0) return "I searched the project's material but found nothing about that.";
  const ignore = new Set(catalog.profiles.flatMap((profile) => profile.nameConcepts));
  return answerFromPassages({ question, passages, readConcept: catalog.readConcept, ignore });
}
