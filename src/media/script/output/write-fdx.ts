import { createHash } from "node:crypto";
import type { Breakdown, BreakdownElement } from "../breakdown-model.ts";
import { breakdownCategories, categoryStyles } from "../categories.ts";
import { formatEighths } from "../eighths.ts";
import { escapeXml } from "../fdx/fdx-xml.ts";
import type { Screenplay, ScreenplayElement } from "../screenplay-model.ts";

const paragraphTypes: Partial<Record<ScreenplayElement["type"], string>> = {
  scene_heading: "Scene Heading",
  action: "Action",
  character: "Character",
  dialogue: "Dialogue",
  parenthetical: "Parenthetical",
  transition: "Transition",
  shot: "Shot",
  centered: "Action",
  lyrics: "Lyrics",
};

/** Final Draft ids look like UUIDs; deriving them from content keeps exports reproducible. */
function stableId(seed: string): string {
  const hex = createHash("sha1").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Final Draft writes colours with 16 bits a channel: `#d32f2f` → `#D3D32F2F2F2F`. */
function finalDraftColour(hex: string): string {
  const channels = hex.replace("#", "").match(/../g) ?? ["00", "00", "00"];
  return `#${channels.map((channel) => channel.toUpperCase().repeat(2)).join("")}`;
}

interface Span {
  start: number;
  end: number;
  tagNumber: number;
}

function runs(text: string, spans: Span[]): string {
  const ordered = [...spans].sort((left, right) => left.start - right.start);
  let cursor = 0;
  let xml = "";
  for (const span of ordered) {
    if (span.start < cursor || span.end > text.length) continue;
    if (span.start > cursor) xml += `<Text>${escapeXml(text.slice(cursor, span.start))}</Text>`;
    xml += `<Text TagNumber="${span.tagNumber}">${escapeXml(text.slice(span.start, span.end))}</Text>`;
    cursor = span.end;
  }
  if (cursor < text.length || xml === "") xml += `<Text>${escapeXml(text.slice(cursor))}</Text>`;
  return xml;
}

/** Where a tag goes: its own quote, or for cast without one, the character's cue in the scene. */
function spanOf(
  element: BreakdownElement,
  screenplay: Screenplay,
  start: number,
  end: number,
): { elementIndex: number; start: number; end: number } | null {
  if (element.source) return element.source;
  if (element.category !== "cast") return null;
  for (let index = start; index < end; index += 1) {
    const paragraph = screenplay.elements[index];
    if (paragraph?.type === "character" && paragraph.character === element.name) {
      const at = paragraph.text.toUpperCase().indexOf(element.name);
      if (at >= 0) return { elementIndex: index, start: at, end: at + element.name.length };
    }
  }
  return null;
}

/**
 * Exports the screenplay with its breakdown as a Final Draft document: scene numbers and lengths
 * in `SceneProperties`, dual dialogue, and every tagged element in `TagData` (categories,
 * definitions and tags) linked to the words of the paragraph it came from.
 */
export function writeFdx(screenplay: Screenplay, breakdown: Breakdown): string {
  const spans = new Map<number, Span[]>();
  const definitions = new Map<string, { id: string; category: string; label: string; number: number }>();
  const tags: Array<{ number: number; definitionId: string }> = [];
  for (const scene of breakdown.scenes) {
    for (const element of scene.elements) {
      const span = spanOf(element, screenplay, scene.elementStart, scene.elementEnd);
      if (!span) continue;
      const key = `${element.category}:${element.name.toLowerCase()}`;
      let definition = definitions.get(key);
      if (!definition) {
        definition = {
          id: stableId(`definition:${key}`),
          category: element.category,
          label: element.name,
          number: definitions.size + 1,
        };
        definitions.set(key, definition);
      }
      const number = tags.length + 1;
      tags.push({ number, definitionId: definition.id });
      spans.set(span.elementIndex, [
        ...(spans.get(span.elementIndex) ?? []),
        { start: span.start, end: span.end, tagNumber: number },
      ]);
    }
  }
  const scenesByStart = new Map(breakdown.scenes.map((scene) => [scene.elementStart, scene]));
  const paragraphs: string[] = [];
  let dual: string[] = [];
  const flushDual = () => {
    if (dual.length > 0)
      paragraphs.push(`    <Paragraph><DualDialogue>\n${dual.join("\n")}\n    </DualDialogue></Paragraph>`);
    dual = [];
  };
  screenplay.elements.forEach((element, index) => {
    const type = paragraphTypes[element.type];
    if (!type) return;
    const scene = element.type === "scene_heading" ? scenesByStart.get(index) : undefined;
    const number = scene ? ` Number="${escapeXml(scene.number)}"` : "";
    const properties = scene
      ? `<SceneProperties Length="${formatEighths(scene.eighths)}" Page="${scene.page}" Title=""/>`
      : "";
    const alignment = element.type === "centered" ? ' Alignment="Center"' : "";
    const paragraph = `    <Paragraph${alignment}${number} Type="${type}">${properties}${runs(element.text, spans.get(index) ?? [])}</Paragraph>`;
    if (element.dual) dual.push(paragraph);
    else {
      flushDual();
      paragraphs.push(paragraph);
    }
  });
  flushDual();
  const categoryIds = new Map(
    breakdownCategories.map((category) => [category, stableId(`category:${category}`)]),
  );
  const categoryXml = breakdownCategories.map(
    (category, index) =>
      `      <TagCategory Color="${finalDraftColour(categoryStyles[category].color)}" Id="${categoryIds.get(category)}" Name="${escapeXml(categoryStyles[category].label)}" Number="${index + 1}" Style="Bold"/>`,
  );
  const definitionXml = [...definitions.values()].map(
    (definition) =>
      `      <TagDefinition CatId="${categoryIds.get(definition.category as never)}" Id="${definition.id}" Label="${escapeXml(definition.label)}" Number="${definition.number}"/>`,
  );
  const tagXml = tags.map(
    (tag) => `      <Tag Number="${tag.number}"><DefId>${tag.definitionId}</DefId></Tag>`,
  );
  const title = breakdown.title
    ? `  <TitlePage><Content><Paragraph Alignment="Center" Type="General"><Text>${escapeXml(breakdown.title)}</Text></Paragraph></Content></TitlePage>\n`
    : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="5">
  <Content>
${paragraphs.join("\n")}
  </Content>
${title}  <TagData>
    <TagCategories>
${categoryXml.join("\n")}
    </TagCategories>
    <TagDefinitions>
${definitionXml.join("\n")}
    </TagDefinitions>
    <Tags>
${tagXml.join("\n")}
    </Tags>
  </TagData>
</FinalDraft>
`;
}
