import { conceptsOf } from "./words.ts";

type Passage = { source: string; content: string };
type Sentence = { text: string; source: string; score: number; order: number; position: number };

/** Words of a question that say what kind of answer is wanted, not what it is about. */
const questionNoise = new Set([
  "happen",
  "happens",
  "happened",
  "happening",
  "tell",
  "about",
  "story",
  "gist",
]);

/**
 * Answers a question extractively: the passage sentences that share the most (rarer) words with the
 * question, quoted with their sources. Returns undefined when no sentence shares a word with it.
 * The passages are only quoted, never obeyed.
 */
export function answerFromPassages(input: {
  question: string;
  passages: Passage[];
  readConcept: (word: string) => string;
  /** Concepts that say what to do rather than what the story is about (the tools' own nouns). */
  ignore: ReadonlySet<string>;
}): string | undefined {
  const sentences = splitSentences(input.passages);
  const conceptsPerSentence = sentences.map(
    (sentence) => new Set(conceptsOf(sentence.text, input.readConcept)),
  );
  const frequency = new Map<string, number>();
  for (const concepts of conceptsPerSentence) {
    for (const concept of concepts) frequency.set(concept, (frequency.get(concept) ?? 0) + 1);
  }
  const wanted = new Set(
    conceptsOf(input.question, input.readConcept).filter(
      (concept) => !questionNoise.has(concept) && !input.ignore.has(concept),
    ),
  );
  sentences.forEach((sentence, index) => {
    for (const concept of conceptsPerSentence[index] ?? []) {
      if (wanted.has(concept))
        sentence.score += Math.log(1 + sentences.length / (frequency.get(concept) ?? 1));
    }
  });
  const ranked = sentences
    .filter((sentence) => sentence.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const top = ranked[0];
  if (!top) return undefined;
  let chosen = ranked.slice(0, 3).filter((sentence) => sentence.score >= top.score * 0.6);
  // The best match is a passage's first line (a scene heading): what happens is in the lines after it.
  if (top.position === 0) {
    const following = sentences.filter(
      (sentence) =>
        sentence.source === top.source && sentence.order > top.order && sentence.order <= top.order + 3,
    );
    chosen = [top, ...following];
  }
  chosen.sort((a, b) => a.order - b.order);
  const quotes = chosen.map((sentence) => `“${sentence.text}” (source: ${sentence.source})`);
  return `From your project's material: ${quotes.join(" ")}`;
}

/** A scene heading stays one line: its "INT." is not the end of a sentence. */
const sceneHeading = /^(INT|EXT|EST|INT\.?\/EXT|I\/E)[.\s]/i;

function splitSentences(passages: Passage[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const passage of passages) {
    const pieces = passage.content
      .split(/\n+/)
      .flatMap((line) => (sceneHeading.test(line.trim()) ? [line] : line.split(/(?<=[.!?])\s+/)))
      .map((piece) => piece.replace(/\s+/g, " ").trim())
      .filter((piece) => piece.length > 1);
    pieces.forEach((text, position) => {
      sentences.push({ text, source: passage.source, score: 0, order: sentences.length, position });
    });
  }
  return sentences;
}
