import type { SceneForExtraction } from "./element-extractor.ts";

/** A group of scenes (or parts of one long scene) sent to the model in one request. */
export interface SceneChunk {
  scenes: SceneForExtraction[];
  text: string;
  estimatedTokens: number;
}

/** Rough token count for English-like text: about four characters a token. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

/** The text a model reads for one scene: its key, then each element with its index and type. */
export function renderScene(scene: SceneForExtraction): string {
  const lines = scene.elements.map(
    (element) => `[${element.index}] ${element.type.toUpperCase()}: ${element.text.replace(/\s+/g, " ")}`,
  );
  return `### SCENE ${scene.key}\nCHARACTERS: ${scene.characters.join(", ") || "none"}\n${lines.join("\n")}\n`;
}

function splitScene(scene: SceneForExtraction, budget: number): SceneForExtraction[] {
  const parts: SceneForExtraction[] = [];
  let current: SceneForExtraction = { ...scene, elements: [] };
  for (const element of scene.elements) {
    const next = { ...current, elements: [...current.elements, element] };
    if (current.elements.length > 0 && estimateTokens(renderScene(next)) > budget) {
      parts.push(current);
      current = { ...scene, elements: [element] };
    } else {
      current = next;
    }
  }
  parts.push(current);
  return parts;
}

/** Packs scenes in order into chunks of at most `tokenBudget` tokens of script, splitting a scene that alone exceeds it. */
export function chunkScenes(scenes: SceneForExtraction[], tokenBudget: number): SceneChunk[] {
  const chunks: SceneChunk[] = [];
  let current: SceneForExtraction[] = [];
  let tokens = 0;
  const flush = () => {
    if (current.length === 0) return;
    const text = current.map(renderScene).join("\n");
    chunks.push({ scenes: current, text, estimatedTokens: estimateTokens(text) });
    current = [];
    tokens = 0;
  };
  for (const whole of scenes) {
    for (const scene of estimateTokens(renderScene(whole)) > tokenBudget
      ? splitScene(whole, tokenBudget)
      : [whole]) {
      const size = estimateTokens(renderScene(scene)) + 1;
      if (tokens + size > tokenBudget) flush();
      current.push(scene);
      tokens += size;
    }
  }
  flush();
  return chunks;
}
