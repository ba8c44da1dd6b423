import { pluralPersonNouns, singularPersonNouns } from "../breakdown/person-nouns.ts";
import type { BreakdownCategory } from "../categories.ts";
import { jointSpeakers, parseCharacterCue } from "../character-cue.ts";
import type { ElementExtractor, ExtractedElement, SceneForExtraction } from "./element-extractor.ts";
import { matchLexicon } from "./lexicon-matcher.ts";
import { soundWords, stuntVerbs } from "./lexicons/action-words.ts";

const capsRun = /(?<![\p{L}\d'’])([A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+)*)(?![\p{L}'’])/gu;
const thingBefore = /(?:\b(?:the|a|an|his|her|their|its|our|my|your|two|three|some|of|with)|['’]s)\s+$/i;
const ignoredCaps = new Set([
  "POV",
  "CU",
  "ECU",
  "MOS",
  "INT",
  "EXT",
  "OK",
  "TV",
  "CONT'D",
  "CONTINUED",
  "BACK",
  "TO",
  "ON",
  "OMITTED",
  "INSERT",
  "ANGLE",
  "CLOSE",
]);

const stuntPatterns = Object.entries(stuntVerbs).map(([lemma, forms]) => ({
  lemma,
  pattern: new RegExp(`\\b(?:${forms.map((form) => form.replace(/ /g, "\\s+")).join("|")})\\b`, "i"),
}));

function analyseText(
  text: string,
  elementIndex: number,
  characters: Set<string>,
  add: (element: ExtractedElement) => void,
): void {
  const element = (category: BreakdownCategory, name: string, quote: string) =>
    add({ category, name, elementIndex, quote });
  const lexiconSpans: Array<[number, number]> = [];
  for (const hit of matchLexicon(text)) {
    element(hit.category, hit.name, text.slice(hit.start, hit.end));
    lexiconSpans.push([hit.start, hit.end]);
  }
  for (const { lemma, pattern } of stuntPatterns) {
    const match = pattern.exec(text);
    if (match) element("stunts", lemma, match[0]);
  }
  for (const match of text.matchAll(capsRun)) {
    const run = match[1] ?? "";
    const words = run.split(/\s+/);
    const last = words.at(-1) ?? "";
    const known = [...characters].some((name) => run === name || run.includes(name) || name.includes(run));
    if (known || words.every((word) => ignoredCaps.has(word)) || run.length < 3) continue;
    const covered = lexiconSpans.some(
      ([start, end]) => start <= match.index && end >= match.index + run.length,
    );
    if (words.some((word) => soundWords.has(word))) element("sound", run.toLowerCase(), run);
    else if (pluralPersonNouns.has(last)) element("background", run.toLowerCase(), run);
    else if (singularPersonNouns.has(last)) {
      // A role before a name (`Its CONDUCTOR, SEGUN`) is that character; a bare role is a featured extra.
      if (!/^\s*,\s*[A-Z]{2}/.test(text.slice(match.index + run.length)))
        element("background", run.toLowerCase(), run);
    } else if (covered) continue;
    else if (thingBefore.test(text.slice(0, match.index)) && !/(?:ED|ING|LY)$/.test(last))
      element("props", run.toLowerCase(), run);
  }
}

/** The first cue or line of the scene that names the character, so the cast tag points at words of the script. */
function firstMention(
  scene: SceneForExtraction,
  name: string,
): { elementIndex: number | null; quote: string } {
  const short = name.split(" ").at(-1) ?? name;
  for (const element of scene.elements) {
    const lower = element.text.toLowerCase();
    for (const form of [name, short]) {
      const at = lower.indexOf(form.toLowerCase());
      if (at >= 0 && (element.type === "character" || element.type === "action")) {
        return { elementIndex: element.index, quote: element.text.slice(at, at + form.length) };
      }
    }
  }
  return { elementIndex: null, quote: name };
}

/** Deterministic extraction for one scene, from lexicons and screenwriting conventions. */
export function extractSceneElements(scene: SceneForExtraction): ExtractedElement[] {
  const found = new Map<string, ExtractedElement>();
  const add = (element: ExtractedElement) => {
    const key = `${element.category}:${element.name}`;
    if (!found.has(key)) found.set(key, element);
  };
  const characters = new Set(scene.characters);
  for (const name of scene.characters) add({ category: "cast", name, ...firstMention(scene, name) });
  for (const element of scene.elements) {
    if (
      element.type === "action" ||
      element.type === "shot" ||
      element.type === "centered" ||
      element.type === "parenthetical"
    ) {
      analyseText(element.text, element.index, characters, add);
    } else if (
      element.type === "character" &&
      !characters.has(parseCharacterCue(element.text).name) &&
      !jointSpeakers(parseCharacterCue(element.text).name, characters)
    ) {
      add({
        category: "background",
        name: parseCharacterCue(element.text).name.toLowerCase(),
        elementIndex: element.index,
        quote: element.text,
      });
    } else if (element.type === "scene_heading") {
      const vehicles = matchLexicon(element.text).filter((hit) => hit.category === "vehicles");
      for (const hit of vehicles)
        add({
          category: "vehicles",
          name: hit.name,
          elementIndex: element.index,
          quote: element.text.slice(hit.start, hit.end),
        });
      // Conventions of the slugline: a moving vehicle needs a car mount or process trailer; underwater needs a housing.
      const moving = /\bMOVING\b/i.exec(element.text);
      if (moving && vehicles.length > 0)
        add({
          category: "special_equipment",
          name: "car mount",
          elementIndex: element.index,
          quote: moving[0],
        });
      const underwater = /\bUNDERWATER\b/i.exec(element.text);
      if (underwater)
        add({
          category: "special_equipment",
          name: "underwater camera",
          elementIndex: element.index,
          quote: underwater[0],
        });
    } else if (element.type === "lyrics") {
      add({ category: "music", name: "song", elementIndex: element.index, quote: element.text });
    }
  }
  return [...found.values()];
}

/** The offline extractor: no model, no network, the same answer every time. */
export function createOfflineExtractor(): ElementExtractor {
  return {
    name: "offline-rules",
    async extract(scenes, options) {
      const results = scenes.map((scene) => {
        options?.signal?.throwIfAborted();
        return extractSceneElements(scene);
      });
      options?.onProgress?.({ completedChunks: 1, totalChunks: 1, cached: false });
      return results;
    },
  };
}
