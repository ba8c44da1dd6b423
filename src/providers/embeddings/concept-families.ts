/**
 * Word families that say the same thing in a story: a question asks "how does he die?" where the
 * script says "dead" or "funeral". The hashing embedder adds a shared feature for the family, so such
 * texts point the same way without a neural model. Generic story vocabulary only, stemmed like `stem()`.
 */
const families: Record<string, string> = {
  death:
    "die|dy|died|dead|death|deadly|kill|murder|funeral|grave|graveside|cemetery|burial|bury|coffin|casket|mourn|mourner|corpse|body|widow",
  birth: "born|birth|baby|infant|newborn|deliver|delivery|pregnant|pregnancy|labor|labour|midwife",
  marriage: "marry|married|marriage|wedding|wed|bride|groom|engaged|engagement|husband|wife|spouse|honeymoon",
  love: "love|lover|romance|romantic|kiss|crush|sweetheart|darling|fall",
  vehicle:
    "car|automobile|porsche|chevy|chevrolet|truck|pickup|van|bus|taxi|sedan|jeep|drive|driv|driver|motorcycle",
  aircraft: "plane|airplane|aeroplane|flight|fly|flying|parachute|paratrooper|pilot|747|airport",
  water: "river|lake|pond|swamp|pool|ocean|sea|swim|swimm|underwater|fish|catfish",
  money: "money|cash|dollar|bank|loan|vault|rob|robbery|robber|thief|steal|bankrupt|fortune|pay|naira",
  fight: "fight|punch|hit|slug|beat|smack|slam|thrash|brawl|attack",
  weapon: "gun|pistol|rifle|shotgun|sniper|scope|bullet|shoot|shot|fire|knife|sword|machete",
  family: "father|dad|mother|mom|mum|son|daughter|parent|child|kid|brother|sister|grandfather|grandmother",
  doctor: "doctor|dr|physician|nurse|hospital|clinic|chemo|illness|sick|cancer|stroke|medicine",
  police: "police|cop|detective|officer|sheriff|arrest|criminal|crime|suspect|jail|prison",
  house: "house|home|shack|cabin|trailer|apartment|flat|room|bedroom|kitchen",
  giant: "giant|huge|massive|colossus|enormous|tall|big",
  witch: "witch|hag|curse|spell|eye|magic",
  circus: "circus|carnival|ringmaster|clown|tent|performer|lion",
  school: "school|college|university|student|class|lecture|professor|sorority|fraternity|campus",
  flower: "flower|daffodil|rose|bouquet|garden|bloom",
  war: "war|army|soldier|military|korea|battle|troop|enemy",
};

const conceptOf = new Map<string, string>();
for (const [concept, list] of Object.entries(families)) {
  for (const word of list.split("|")) conceptOf.set(word, concept);
}

/** The family a (stemmed or whole) word belongs to, if any. */
export function conceptFamily(word: string, stemmed: string): string | undefined {
  return conceptOf.get(word) ?? conceptOf.get(stemmed);
}

/** The members of a family, by the family's name (as `conceptFamily` returns it). */
export function familyMembers(concept: string): string[] {
  return families[concept]?.split("|") ?? [];
}

/**
 * The other members of the families that the given words belong to: query expansion for full-text search
 * ("funeral" also looks for "cemetery" and "grave").
 */
export function relatedWords(words: readonly string[]): string[] {
  const given = new Set(words);
  const related = new Set<string>();
  for (const word of words) {
    const concept = conceptOf.get(word);
    if (concept === undefined) continue;
    for (const member of familyMembers(concept)) {
      if (!given.has(member)) related.add(member);
    }
  }
  return [...related];
}
