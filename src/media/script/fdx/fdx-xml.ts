import { XMLParser, XMLValidator } from "fast-xml-parser";
import { AppError } from "../../../lib/errors.ts";

/** An XML element as fast-xml-parser gives it with attributes unprefixed and text under `#text`. */
export type XmlNode = { [key: string]: XmlNode[] | XmlNode | string | number | boolean | undefined };

const repeated = new Set(["Paragraph", "Text", "TagCategory", "TagDefinition", "Tag", "DefId"]);

/** Parses FDX XML, refusing malformed XML with the validator's message and position. */
export function readFdxXml(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new AppError(
      "unprocessable:screenplay",
      `This Final Draft file is not valid XML: ${msg} (line ${line}, column ${col}).`,
      {
        details: { line, column: col },
      },
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    textNodeName: "#text",
    trimValues: false,
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => repeated.has(name),
  });
  return parser.parse(xml) as XmlNode;
}

/** The child nodes named `name` (always an array). */
export function childrenOf(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (value === undefined || typeof value !== "object") return [];
  return Array.isArray(value) ? value : [value];
}

/** An attribute (or text) value as a string. */
export function attributeOf(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[name];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
