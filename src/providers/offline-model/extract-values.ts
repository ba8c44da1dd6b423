/** Literal values a request spells out: quoted text, names after "called", numbers, ids. */

const trailingFiller =
  /(?:[\s,]+(?:please|pls|abeg|biko|o+|oo|sef|jare|for me|now|thanks|thank you|sharp sharp|abi|na|no wahala))+$/i;

const namingPatterns: RegExp[] = [
  /\b(?:called|named|titled|title[d]? it)\s+(.+)$/i,
  /\brename\b(?:\s+\S+){0,4}?\s+(?:to|as)\s+(.+)$/i,
  /\bchange\s+(?:the\s+)?(?:title|name)\s+(?:of\s+(?:\S+\s+){1,3})?to\s+(.+)$/i,
  /\bcall\s+(?:this\s+(?:project|film|movie|one)|the\s+(?:project|film|movie)|my\s+(?:project|film|movie)|it|am|this)\s+(.+)$/i,
  /\b(?:name|title)\s+(?:it|am|this)\s+(.+)$/i,
  /\bcall\s+(?!me\b)(.+)$/i,
];

const uuidPattern = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/** Text inside double quotes (straight or curly), or single quotes that are not apostrophes. */
export function quotedValues(text: string): string[] {
  const values: string[] = [];
  for (const match of text.matchAll(/["“”]([^"“”]+)["“”]|(?:^|\s)['‘]([^'‘’]+)['’](?=[\s.,!?]|$)/g)) {
    const value = (match[1] ?? match[2] ?? "").trim();
    if (value) values.push(value);
  }
  return values;
}

/** The name a request gives something: "called X", "rename it to X", "call this project X". */
export function namedValue(text: string): string | undefined {
  const quoted = quotedValues(text)[0];
  if (quoted) return quoted;
  for (const pattern of namingPatterns) {
    const match = pattern.exec(text);
    const value = match?.[1] ? cleanValue(match[1]) : "";
    if (value) return value;
  }
  return undefined;
}

/** A run of capitalised words not at the start of the sentence ("tag Funke Akindele in …"). */
export function capitalisedRun(text: string): string | undefined {
  const matches = [...text.matchAll(/(?<=\s)([A-Z][\w'’-]*(?:\s+(?:[A-Z0-9][\w'’-]*|of|the|and|in))*)/g)];
  const value = matches
    .map((match) => cleanValue((match[1] ?? "").replace(/\s+(?:of|the|and|in)$/i, "")))
    .filter((candidate) => candidate && !/^I$/.test(candidate));
  return value.sort((left, right) => right.length - left.length)[0];
}

/** What a search is for: "search … for X", "find X", else the question itself. */
export function searchTopic(text: string): string | undefined {
  const quoted = quotedValues(text)[0];
  if (quoted) return quoted;
  const match = /\b(?:for|about|on|mention(?:s|ing)?(?:\s+of)?|concerning)\s+(.+)$/i.exec(text);
  return match?.[1] ? cleanValue(match[1]) : undefined;
}

/** Numbers written in the request, with their positions (words "one" to "twenty" too). */
export function numbersIn(text: string): { value: number; start: number }[] {
  const found: { value: number; start: number }[] = [];
  for (const match of text.matchAll(/(?<![\w.])[-+]?\d+(?:\.\d+)?(?![\w-]*[a-z])/gi)) {
    if (match.index !== undefined && !isInsideUuid(text, match.index)) {
      found.push({ value: Number(match[0]), start: match.index });
    }
  }
  const words =
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split(
      " ",
    );
  for (const match of text.toLowerCase().matchAll(/\b[a-z]+\b/g)) {
    const value = words.indexOf(match[0]);
    if (value > 0 && match.index !== undefined) found.push({ value, start: match.index });
  }
  return found.sort((left, right) => left.start - right.start);
}

/** UUIDs written in the request. */
export function uuidsIn(text: string): string[] {
  return [...text.matchAll(uuidPattern)].map((match) => match[0].toLowerCase());
}

function isInsideUuid(text: string, index: number): boolean {
  for (const match of text.matchAll(uuidPattern)) {
    if (match.index !== undefined && index >= match.index && index < match.index + match[0].length)
      return true;
  }
  return false;
}

function cleanValue(value: string): string {
  let cleaned = value.trim().replace(/[.!?;:,]+$/, "");
  cleaned = cleaned.replace(trailingFiller, "").trim();
  cleaned = cleaned.replace(/^["“'‘]|["”'’]$/g, "").trim();
  return cleaned;
}
