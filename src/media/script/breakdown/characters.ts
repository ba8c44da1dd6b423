import { jointSpeakers } from "../character-cue.ts";
import { matchLexicon } from "../extract/lexicon-matcher.ts";
import type { ScreenplayElement } from "../screenplay-model.ts";
import { pluralPersonNouns, singularPersonNouns } from "./person-nouns.ts";

/** What the script says about one character. */
export interface CharacterFacts {
  name: string;
  variants: Set<string>;
  speaking: boolean;
  age: string | null;
  description: string | null;
  scenes: Set<number>;
  dialogueCount: number;
}

/** A name in capitals introduced in action, with the age and description written after it. */
export interface Introduction {
  name: string;
  age: string | null;
  description: string | null;
  plural: boolean;
  start: number;
  end: number;
}

const capsRun = /(?<![\p{L}\d'’])((?:[A-Z][A-Z0-9'’.-]*)(?:[ \t]+(?:[A-Z][A-Z0-9'’.-]*|&))*)(?![\p{L}'’])/gu;
const agePattern =
  /\b(?:AGE\s+)?((?:early|mid|late)[- ]?\d0s|\d{1,2}(?:'?s)?|(?:fifty|forty|thirty|twenty|sixty|seventy)-?something)\b/i;
const shotWords = new Set([
  "CAMERA",
  "ANGLE",
  "SHOT",
  "CLOSE",
  "POV",
  "AND",
  "&",
  "WITH",
  "FADE",
  "CUT",
  "SUPER",
  "TITLE",
]);
const notNames = new Set([
  "I",
  "A",
  "OK",
  "TV",
  "POV",
  "CU",
  "ECU",
  "MOS",
  "VO",
  "OS",
  "INT",
  "EXT",
  "CONT'D",
  "CONTINUED",
  "THE",
  "AND",
  "V.O.",
  "O.S.",
]);

/** Finds the characters introduced in capitals in an action line: `BRICK BRADDOCK (60s), retired police detective`. */
export function findIntroductions(text: string, known: Set<string>): Introduction[] {
  const found: Introduction[] = [];
  for (const match of text.matchAll(capsRun)) {
    const name = (match[1] ?? "")
      .replace(/[.'’-]+$/, "")
      .replace(/^(?:AN?|THE|AKA|ON)\s+/, "")
      .trim();
    const words = name.split(/\s+/);
    if (
      !/[A-Z]{2}/.test(name) ||
      words.length > 4 ||
      notNames.has(name) ||
      words.some((word) => shotWords.has(word))
    )
      continue;
    const after = text.slice(match.index + (match[1] ?? "").length);
    const parenthesis = /^\s*\(([^)]{1,30})\)/.exec(after);
    const comma = /^\s*(?:,|\s--)\s*([^.;!?,]{2,140})/.exec(
      parenthesis ? after.slice(parenthesis[0].length) : after,
    );
    const last = words.at(-1) ?? "";
    const isKnown = [...known].some(
      (cue) => name === cue || name.startsWith(`${cue} `) || name.endsWith(` ${cue}`),
    );
    const plural = pluralPersonNouns.has(last);
    const person = singularPersonNouns.has(last) || plural;
    // `Its CONDUCTOR, SEGUN (20s)`: the role comes before the name; the name is the character.
    if (!isKnown && /^\s*,\s*[A-Z]{2}/.test(after)) continue;
    const introduced =
      Boolean(parenthesis && agePattern.test(parenthesis[1] ?? "")) ||
      (comma !== null && !/(?:ED|ING)$/.test(last));
    if (!isKnown && !person && !introduced) continue;
    // A capitalised prop or vehicle followed by a comma (`Mom's PORSCHE, Steel at the wheel`) is not a person.
    if (
      !isKnown &&
      !person &&
      matchLexicon(name).some((hit) => hit.category !== "cast" && hit.end - hit.start >= name.length - 2)
    )
      continue;
    const description = (comma?.[1] ?? "").replace(/\s+/g, " ").trim() || null;
    const ageSource = `${parenthesis?.[1] ?? ""} ${description ?? ""}`;
    const age = agePattern.exec(ageSource)?.[1] ?? null;
    found.push({
      name,
      age,
      description,
      plural,
      start: match.index,
      end: match.index + (match[1] ?? "").length,
    });
  }
  return found;
}

/** Matches an introduced name to a speaking character: `DICK STEEL` is `STEEL`, `BRICK BRADDOCK` is `BRICK`. */
export function resolveName(name: string, speaking: Set<string>): string {
  if (speaking.has(name)) return name;
  for (const cue of speaking) {
    if (name.startsWith(`${cue} `) || name.endsWith(` ${cue}`)) return cue;
  }
  return name;
}

const honorifics =
  /^(?:MR|MRS|MS|DR|CHIEF|MAMA|BABA|IYA|UNCLE|AUNTY|AUNTIE|AUNT|OGA|ALHAJI|ALHAJA|PASTOR|PROFESSOR|OFFICER|CORPORAL|SERGEANT|DEPUTY|CAPTAIN|YOUNG|OLD|LITTLE)\.?\s+/;

/** Cues for a group (`GUESTS`, `ALL`, `CROWD`) are background voices, not cast. */
export function isGroupCue(name: string): boolean {
  const last = name.split(" ").at(-1) ?? "";
  return /^(?:ALL|EVERYONE|EVERYBODY|BOTH|VOICES)$/.test(name) || pluralPersonNouns.has(last);
}

/** Every name a character cue of the script gives (extensions removed). */
export function cueNames(elements: readonly ScreenplayElement[]): Set<string> {
  return new Set(
    elements.flatMap((element) =>
      element.type === "character" && element.character ? [element.character] : [],
    ),
  );
}

/** Who speaks under a cue: the cue's own name, or each speaker of a joint cue (`jointSpeakers`). */
export function speakersOf(cue: string, cues: ReadonlySet<string>): string[] {
  return jointSpeakers(cue, cues) ?? [cue];
}

/** `Steel` or `STEEL` as a whole word (not `steel` the metal); `CHIEF OKORO` is also `Okoro`. */
function mentionPattern(name: string): RegExp {
  const forms = [name, name.replace(honorifics, "")].filter((form) => form.length > 2);
  const alternatives = [...new Set(forms)].flatMap((form) => {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const title = escaped
      .toLowerCase()
      .replace(/(^|\s)(\p{L})/gu, (_match, space: string, letter: string) => space + letter.toUpperCase());
    return [escaped, title];
  });
  return new RegExp(`(?<![\\p{L}])(?:${alternatives.join("|")})(?![\\p{L}])`, "u");
}

/** Collects every character (speakers from cues, non-speakers from introductions) and the scenes they are in. */
export function collectCharacters(elements: ScreenplayElement[]): Map<string, CharacterFacts> {
  const characters = new Map<string, CharacterFacts>();
  const facts = (name: string): CharacterFacts => {
    let entry = characters.get(name);
    if (!entry) {
      entry = {
        name,
        variants: new Set(),
        speaking: false,
        age: null,
        description: null,
        scenes: new Set(),
        dialogueCount: 0,
      };
      characters.set(name, entry);
    }
    return entry;
  };
  const cues = cueNames(elements);
  for (const element of elements) {
    if (element.type !== "character" || !element.character || isGroupCue(element.character)) continue;
    // `EDWARD AND WILL` speak together: each is credited, and no third character is made of the pair.
    for (const speaker of speakersOf(element.character, cues)) {
      const entry = facts(speaker);
      entry.speaking = true;
      entry.dialogueCount += 1;
      if (speaker === element.character)
        entry.variants.add(element.text.replace(/\s*\^\s*$/, "").toUpperCase());
      if (element.sceneIndex !== null) entry.scenes.add(element.sceneIndex);
    }
  }
  const speaking = new Set(characters.keys());
  for (const element of elements) {
    if (element.type !== "action" || element.sceneIndex === null) continue;
    for (const introduction of findIntroductions(element.text, speaking)) {
      const generic = introduction.name
        .split(" ")
        .every(
          (word) =>
            singularPersonNouns.has(word) ||
            !/^[A-Z]/.test(word) ||
            /^(?:OLD|YOUNG|LITTLE|BIG|TALL|FAT|PRETTY)$/.test(word),
        );
      if (introduction.plural || (generic && !speaking.has(introduction.name))) continue;
      const name = resolveName(introduction.name, speaking);
      const entry = facts(name);
      entry.variants.add(introduction.name);
      entry.scenes.add(element.sceneIndex);
      entry.age ??= introduction.age;
      entry.description ??= introduction.description;
    }
  }
  const mentions = [...characters.keys()].map((name) => ({ name, pattern: mentionPattern(name) }));
  for (const element of elements) {
    if (element.type !== "action" || element.sceneIndex === null) continue;
    for (const { name, pattern } of mentions) {
      if (pattern.test(element.text)) characters.get(name)?.scenes.add(element.sceneIndex);
    }
  }
  return characters;
}
