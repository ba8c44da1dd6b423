import type { JSONSchema7, LanguageModelV3FunctionTool } from "@ai-sdk/provider";
import { kindConcepts } from "./lexicon.ts";
import { createConceptReader, isStopWord, splitWords } from "./words.ts";

/** What the model knows of a tool beyond its call definition: plain-language example requests. */
export type ToolHint = { name: string; examples: string[]; description?: string };

/** A tool as the offline model sees it: its words weighted by where they were declared. */
export type ToolProfile = {
  name: string;
  description: string;
  schema: JSONSchema7;
  /** Concept → weight in 0..1 (the name counts most, long descriptions least). */
  weights: Map<string, number>;
  examples: Set<string>[];
  /** File kinds the tool works on, read from its name and description. */
  kinds: string[];
  /** The tool name's words as concepts (`create-project` → create, project). */
  nameConcepts: string[];
  /** Concepts of the name, the description's first sentence and the property names: what the tool is about. */
  coreConcepts: Set<string>;
};

export type ToolCatalog = {
  profiles: ToolProfile[];
  readConcept: (word: string) => string;
  /** Inverse document frequency of a concept over the offered tools. */
  idf: (concept: string) => number;
};

const weightOf = {
  name: 1,
  example: 0.8,
  enumValue: 0.6,
  firstSentence: 0.5,
  propertyName: 0.35,
  restOfDescription: 0.25,
  propertyDescription: 0.2,
} as const;

/** Builds the profiles of the tools offered in one call, with their hints when the model has them. */
export function buildCatalog(tools: LanguageModelV3FunctionTool[], hints: ToolHint[]): ToolCatalog {
  const hintByName = new Map(hints.map((hint) => [hint.name, hint]));
  const texts = tools.map((tool) => declaredTexts(tool, hintByName.get(tool.name)));
  const vocabulary = new Set<string>();
  for (const entry of texts) {
    for (const [text] of entry) for (const word of splitWords(text)) vocabulary.add(word);
  }
  const readConcept = createConceptReader(vocabulary);
  const profiles = tools.map((tool, index): ToolProfile => {
    const weights = new Map<string, number>();
    for (const [text, weight] of texts[index] ?? []) {
      for (const concept of concepts(text, readConcept)) {
        weights.set(concept, Math.max(weights.get(concept) ?? 0, weight));
      }
    }
    const hint = hintByName.get(tool.name);
    const description = tool.description ?? hint?.description ?? "";
    const kindText = `${tool.name} ${firstSentence(description)}`;
    return {
      name: tool.name,
      description,
      schema: tool.inputSchema,
      weights,
      examples: (hint?.examples ?? []).map(
        (example) => new Set([...concepts(example, readConcept), ...(/\d/.test(example) ? ["number"] : [])]),
      ),
      kinds: kindsIn(concepts(kindText, readConcept)),
      nameConcepts: concepts(tool.name, readConcept),
      coreConcepts: new Set(
        [tool.name, firstSentence(description), ...Object.keys(tool.inputSchema.properties ?? {})].flatMap(
          (text) => concepts(text, readConcept),
        ),
      ),
    };
  });
  const documentFrequency = new Map<string, number>();
  for (const profile of profiles) {
    for (const concept of profile.weights.keys()) {
      documentFrequency.set(concept, (documentFrequency.get(concept) ?? 0) + 1);
    }
  }
  const count = Math.max(profiles.length, 1);
  return {
    profiles,
    readConcept,
    idf: (concept) => Math.log(1 + count / (documentFrequency.get(concept) ?? 0.5)),
  };
}

/** The file kinds named by a list of concepts (`footage` → video). */
export function kindsIn(conceptList: string[]): string[] {
  const kinds = new Set<string>();
  for (const concept of conceptList) for (const kind of kindConcepts[concept] ?? []) kinds.add(kind);
  return [...kinds];
}

function concepts(text: string, readConcept: (word: string) => string): string[] {
  return splitWords(text)
    .filter((word) => !isStopWord(word))
    .map(readConcept)
    .filter((concept) => !isStopWord(concept) && !/^\d+$/.test(concept));
}

function declaredTexts(tool: LanguageModelV3FunctionTool, hint: ToolHint | undefined): [string, number][] {
  const description = tool.description ?? hint?.description ?? "";
  const texts: [string, number][] = [
    [tool.name, weightOf.name],
    [firstSentence(description), weightOf.firstSentence],
    [description.slice(firstSentence(description).length), weightOf.restOfDescription],
  ];
  for (const example of hint?.examples ?? []) texts.push([example, weightOf.example]);
  const properties = tool.inputSchema.properties ?? {};
  for (const [name, property] of Object.entries(properties) as [string, JSONSchema7 | boolean][]) {
    if (typeof property !== "object") continue;
    if (!/id$/i.test(name)) texts.push([name, weightOf.propertyName]);
    if (property.description) texts.push([property.description, weightOf.propertyDescription]);
    for (const value of property.enum ?? []) {
      if (typeof value === "string") texts.push([value, weightOf.enumValue]);
    }
  }
  return texts;
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}
