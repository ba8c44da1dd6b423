/**
 * The offline model's small lexicon: Pidgin and Nigerian English phrasings rewritten to plain English,
 * words that carry no intent, and synonym groups that fold different words for one idea into one
 * concept. It knows words, never tool names: tools are matched through their own declared text.
 */

/** Whole phrases rewritten before splitting into words (order matters: longer phrases first). */
export const phraseRewrites: ReadonlyArray<readonly [RegExp, string]> = [
  [/\be\s+don\s+(do|finish|ready|complete)\b/g, "is it done status"],
  [/\bhow\s+far\s+(with|for|on|about)\b/g, "status of"],
  [/\bhow\s+far\b/g, "hello"],
  [/\bno\s+wahala\b/g, " "],
  [/\bmake\s+(am|it)\b/g, "it"],
  [/\bmake\s+(una|you|we)\b/g, " "],
  [/\bi\s+wan\b/g, "i want"],
  [/\bwetin\s+(happen|happened|happun)\b/g, "what happens"],
  [/\bwetin\b/g, "what"],
  [/\bwho\s+be\b/g, "who is"],
  [/\bwia\b/g, "where"],
  [/\bhow\s+much\s+(remain|i\s+get|i\s+have|is\s+left)\b/g, "how many credits remaining"],
  [/\bsharp\s+sharp\b/g, " "],
  [/\bcomot\s+(the\s+)?(noise|hum|hiss|buzz)\b/g, "clean $2"],
  [/\b(turn|switch)\s+off\s+(the\s+)?(noise|hum|hiss|buzz)\b/g, "clean $3"],
  [/\boff\s+(the\s+)?(noise|hum|hiss|buzz)\b/g, "clean $2"],
  [/\bremove\s+(the\s+)?(background\s+)?(noise|hum|hiss|buzz|echo)\b/g, "clean $3"],
  [/\bget\s+rid\s+of\b/g, "clean"],
  [
    /\b(?:that|which|wey)\s+(?:i|we|you|una)\s+(?:have\s+|don\s+|'ve\s+)?(?:create|created|make|made|start|started|upload|uploaded)\b/g,
    " ",
  ],
  [/\blook\s+for\b/g, "search"],
  [/\bchange\s+(the\s+)?(title|name)\b/g, "rename"],
  [/\bbreak\s+(it\s+)?down\b/g, "breakdown"],
  [/\bcolou?r\s+correct(ion)?\b/g, "grade"],
  [/\bclean\s+up\b/g, "clean"],
];

/** Words that say nothing about which tool is meant. */
export const stopWords = new Set(
  (
    "a an the my me i im i'm you your yours we us our una una's it its it's am is are be was were been dey na " +
    "to of in on at for from by with and or but so if then than that this these those there here wey " +
    "please abeg biko kindly pls plz o oo sef jare oya abi shey ehn naa sha ooo " +
    "do does did doing can could would should will shall go fit want need wan like help " +
    "some any just now also too very really again already still one ones thing things stuff " +
    "what whats what's which who whom whose where when why how " +
    "have has had get got don give let lets let's tell say use using used"
  ).split(" "),
);

/** Words that open an information question (as opposed to a request for action). */
export const questionOpeners = new Set(
  "what whats what's who whom whose where when why which how wetin explain describe summarise summarize tell".split(
    " ",
  ),
);

/** Synonym groups: the first word is the concept every other word folds into. */
export const synonymGroups: ReadonlyArray<readonly string[]> = [
  ["delete", "remove", "erase", "trash", "comot", "commot", "scrap", "discard", "wipe", "destroy", "bin"],
  ["create", "new", "start", "make", "add", "setup", "begin", "open-new"],
  ["list", "show", "display", "view", "see", "enumerate", "all", "browse"],
  ["rename", "retitle", "call", "called", "title"],
  ["project", "projects", "film", "films", "movie", "movies", "production", "productions"],
  ["file", "files", "upload", "uploads", "uploaded", "asset", "assets", "material", "materials"],
  ["screenplay", "script", "scripts", "screenplays", "fountain", "fdx", "draft"],
  ["audio", "sound", "sounds", "voice", "recording", "recordings", "dialogue", "wav", "mp3", "vo"],
  ["video", "videos", "footage", "clip", "clips", "shot", "shots", "rushes", "mp4", "mov"],
  [
    "image",
    "images",
    "photo",
    "photos",
    "picture",
    "pictures",
    "pic",
    "pics",
    "still",
    "stills",
    "jpg",
    "png",
  ],
  ["lut", "luts", "cube"],
  ["document", "documents", "notes", "note", "doc", "docs", "pdf"],
  ["model", "models", "mesh", "meshes", "glb", "obj", "3d"],
  ["credit", "credits", "balance", "remaining", "remain", "left"],
  ["grade", "grading", "color", "colour", "graded", "tone", "apply"],
  ["clean", "denoise", "cleanup", "clear", "fix", "noise", "noisy", "hiss", "buzz", "cleaning"],
  ["search", "find", "lookup", "locate", "seek"],
  ["read", "text", "content", "contents", "open"],
  ["scene", "scenes", "sequence"],
  ["character", "characters", "cast", "actor", "actors", "actress", "role", "roles"],
  ["element", "elements", "prop", "props", "item", "items", "costume", "wardrobe", "vehicle", "animal"],
  ["job", "jobs", "task", "tasks", "render"],
  ["status", "progress", "done", "finished", "finish", "ready", "complete", "completed"],
  ["detail", "details", "info", "information", "inside", "overview", "summary"],
  ["cancel", "stop", "abort", "halt", "kill"],
  ["preview", "sample", "test", "try", "quick"],
  ["analyze", "analyse", "analysis", "measure", "check", "inspect", "loudness"],
  ["reference", "match", "like", "similar"],
  ["export", "download", "save", "output"],
  ["breakdown", "breakdowns", "break"],
  ["preset", "presets", "style", "styles", "filter", "filters", "look", "looks"],
  ["warm", "warmer", "warmth"],
  ["cool", "cooler", "cold", "colder"],
  ["broadcast", "tv", "television", "ebu", "r128"],
  ["streaming", "youtube", "spotify", "online", "web"],
  ["bright", "brighten", "brighter", "exposure", "lighten", "dark", "darker", "darken"],
  ["hello", "hi", "hey", "morning", "afternoon", "evening", "greetings"],
];

/** Words that name a kind of stored file, mapped to the file kinds in the project listing. */
export const kindConcepts: Readonly<Record<string, readonly string[]>> = {
  screenplay: ["screenplay"],
  audio: ["audio"],
  video: ["video"],
  image: ["image"],
  lut: ["lut"],
  document: ["document"],
  model: ["model"],
  media: ["video", "image"],
  footage: ["video"],
};
