import { AppError } from "../../../lib/errors.ts";
import { assignScenes } from "../assign-scenes.ts";
import { parseCharacterCue } from "../character-cue.ts";
import { parseEighths } from "../eighths.ts";
import type { Screenplay, ScreenplayElement, ScreenplayElementType, SourceTag } from "../screenplay-model.ts";
import { attributeOf, childrenOf, readFdxXml, type XmlNode } from "./fdx-xml.ts";

const paragraphTypes: Record<string, ScreenplayElementType> = {
  "Scene Heading": "scene_heading",
  Action: "action",
  Character: "character",
  Dialogue: "dialogue",
  Parenthetical: "parenthetical",
  Transition: "transition",
  Shot: "shot",
  General: "action",
  "Cast List": "action",
  "New Act": "section",
  "End of Act": "section",
  Lyrics: "lyrics",
};

/** Tag number → the category name and label it stands for, from `TagData`. */
function readTags(root: XmlNode | undefined): Map<string, { category: string; name: string }> {
  const tagData = childrenOf(root, "TagData")[0];
  const categories = new Map(
    childrenOf(childrenOf(tagData, "TagCategories")[0], "TagCategory").map((node) => [
      attributeOf(node, "Id"),
      attributeOf(node, "Name") ?? "",
    ]),
  );
  const definitions = new Map(
    childrenOf(childrenOf(tagData, "TagDefinitions")[0], "TagDefinition").map((node) => [
      attributeOf(node, "Id"),
      { category: categories.get(attributeOf(node, "CatId")) ?? "", name: attributeOf(node, "Label") ?? "" },
    ]),
  );
  const tags = new Map<string, { category: string; name: string }>();
  for (const tag of childrenOf(childrenOf(tagData, "Tags")[0], "Tag")) {
    const definitionId = childrenOf(tag, "DefId")
      .map((node) => (typeof node === "string" ? node : attributeOf(node, "#text")))[0]
      ?.trim();
    const definition = definitions.get(definitionId);
    const number = attributeOf(tag, "Number");
    if (definition && number) tags.set(number, definition);
  }
  return tags;
}

type TagIndex = ReturnType<typeof readTags>;

function readParagraph(
  paragraph: XmlNode,
  line: number,
  tagIndex: TagIndex,
  dual?: "left" | "right",
): ScreenplayElement | null {
  const type = paragraphTypes[attributeOf(paragraph, "Type") ?? "Action"] ?? "action";
  let text = "";
  const tags: SourceTag[] = [];
  for (const run of childrenOf(paragraph, "Text")) {
    const content = typeof run === "string" ? run : (attributeOf(run, "#text") ?? "");
    const tag = tagIndex.get(attributeOf(run, "TagNumber") ?? "");
    if (tag) tags.push({ ...tag, start: text.length, end: text.length + content.length });
    text += content;
  }
  const leading = text.length - text.trimStart().length;
  for (const tag of tags) {
    tag.start = Math.max(0, tag.start - leading);
    tag.end = Math.max(tag.start, tag.end - leading);
  }
  const element: ScreenplayElement = { type, text: text.trim(), sceneIndex: null, page: null, line };
  const number = attributeOf(paragraph, "Number");
  if (type === "scene_heading" && number) element.sceneNumber = number;
  if (type === "character") {
    const cue = parseCharacterCue(element.text);
    element.character = cue.name;
    element.extensions = cue.extensions;
  }
  const properties = childrenOf(paragraph, "SceneProperties")[0];
  const length = parseEighths(attributeOf(properties, "Length") ?? "");
  if (type === "scene_heading" && length !== null && length > 0) element.eighths = length;
  const page = Number(attributeOf(properties, "Page"));
  if (Number.isInteger(page) && page > 0) element.page = page;
  if (dual) element.dual = dual;
  if (tags.length > 0) element.tags = tags;
  return element.text || type === "scene_heading" ? element : null;
}

/** Parses a Final Draft `.fdx` document, including dual dialogue, scene numbers and existing tags. */
export function parseFdx(xml: string): Screenplay {
  const document = childrenOf(readFdxXml(xml), "FinalDraft")[0];
  const content = childrenOf(document, "Content")[0];
  if (!document || !content) {
    throw new AppError(
      "unprocessable:screenplay",
      "This XML file is not a Final Draft screenplay (no <FinalDraft><Content>).",
    );
  }
  const tagIndex = readTags(document);
  const elements: ScreenplayElement[] = [];
  for (const paragraph of childrenOf(content, "Paragraph")) {
    const dualDialogue = childrenOf(paragraph, "DualDialogue")[0];
    if (dualDialogue) {
      let cues = 0;
      for (const inner of childrenOf(dualDialogue, "Paragraph")) {
        if (attributeOf(inner, "Type") === "Character") cues += 1;
        const element = readParagraph(inner, elements.length + 1, tagIndex, cues <= 1 ? "left" : "right");
        if (element) elements.push(element);
      }
      continue;
    }
    const element = readParagraph(paragraph, elements.length + 1, tagIndex);
    if (element) elements.push(element);
  }
  const titlePage = childrenOf(childrenOf(document, "TitlePage")[0], "Content")[0];
  const titleLines = childrenOf(titlePage, "Paragraph")
    .map((paragraph) =>
      childrenOf(paragraph, "Text")
        .map((run) => (typeof run === "string" ? run : (attributeOf(run, "#text") ?? "")))
        .join("")
        .trim(),
    )
    .filter(Boolean);
  return {
    format: "fdx",
    titlePage:
      titleLines.length > 0
        ? [
            { key: "Title", value: titleLines[0] ?? "" },
            ...titleLines.slice(1).map((value) => ({ key: "Notes", value })),
          ]
        : [],
    elements: assignScenes(elements),
    sourcePageCount: null,
    sourceLinesPerPage: null,
  };
}
