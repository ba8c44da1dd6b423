import type { BreakdownCategory } from "../../categories.ts";
import { terms } from "./terms.ts";

// `~word` counts only after a determiner (the word is also a verb); `written=name` tags `written` as `name`.
/** Terms a breakdown artist tags in any production, by category (lower case, singular). */
export const generalLexicon: Partial<Record<BreakdownCategory, string[]>> = {
  background: terms(
    "crowd|passengers|guests|onlookers|pedestrians|commuters|bystanders|customers|shoppers|" +
      "patrons|dancers|worshippers|mourners|villagers|spectators|audience|students|soldiers|" +
      "nurses|waiters|police officers|policemen|reporters|fans|traders|hawkers|workers|children|" +
      "kids|other boys|band|live band|truckers|helpers|security guards|tourists|diners|" +
      "partygoers|revellers|congregation|mob",
  ),
  vehicles: terms(
    "car|bus|truck|taxi|cab|motorcycle|motorbike|bicycle|bike|boat|canoe|van|jeep|suv|" +
      "ambulance|police car|patrol car|cruiser|police cruiser|limousine|limo|tanker|trailer|" +
      "pickup|helicopter|plane|train|porsche|mercedes|bmw|toyota|chevrolet|cadillac|" +
      "station wagon|convertible|sedan|lorry",
  ),
  props: terms(
    "gun|pistol|revolver|rifle|shotgun|knife|phone|cell phone|mobile phone|telephone|beer|" +
      "money|cash|drugs|cup|glass|bottle|bag|handbag|backpack|suitcase|briefcase|wedding ring|" +
      "wedding band|fishing rod|fishing pole|hook|lure|bucket|plate|keys|car keys|letter|" +
      "envelope|newspaper|camera|umbrella|laptop|notebook|book|photo|photograph|wallet|" +
      "cigarette|lighter|matches|torch|flashlight|crossword|pen|chart|clipboard|scope|" +
      "sniper rifle|binoculars|radio|bread|tomato|cage|whistle|pie|rock|stone|paddle|spoon|eggs|" +
      "jerrycan|cooler|pot|~ring|~drink|~file|~pipe|~stick|tray|sandwich|coffee|tea|wine|" +
      "champagne|whiskey|cake|gift|flowers|bouquet|box|folder|document|passport|ticket|remote|" +
      "handcuffs|baton|badge|microphone|mic|walkie-talkie|rope|axe|hammer|cane|bible|rosary|" +
      "mirror|comb|towel|blanket|pillow|candle|lantern|basket|tape recorder|cigar|syringe|pills",
  ),
  special_effects: terms(
    "explosion|explodes|gunshot|gunfire|shot fired|fire|flames|burning|rain|smoke|fog|mist|" +
      "sparks|wind|snow|blood squib|squib|bullet hits|steam|lightning|thunderstorm|storm|flood|" +
      "downpour|breaks glass|shatters|muzzle flash|beer flies|splash",
  ),
  wardrobe: terms(
    "suit|tuxedo|uniform|dress|wedding dress|gown|shirt|shirtless|t-shirt|jacket|coat|" +
      "overcoat|raincoat|hat|cap|helmet|sunglasses|boots|shoes|sneakers|jeans|skirt|apron|scarf|" +
      "veil|robe|pajamas|hoodie|glasses|~tie|jersey|singlet|vest|trousers|pants|shorts|sandals|" +
      "slippers|costume|wig|hospital gown|swimsuit",
  ),
  makeup_hair: terms(
    "blood|bloody|bleeding|bleeds|bruise|bruised|scar|wound|cut lip|black eye|sweat|sweating|" +
      "tears|makeup|lipstick|chicken pox|calamine lotion|bald|gray hair|grey hair|beard|" +
      "moustache|mustache|braids|~weave|dreadlocks|tattoo|wrinkled|pimples|bandage|cornrows",
  ),
  animals: terms(
    "dog|german shepherd|alsatian|puppy|cat|horse|cow|goat|chicken|hen|rooster|sheep|pig|" +
      "snake|bird|crow|fish|catfish|bear|wolf|elephant|monkey|rat|mouse|lizard|parrot|duck|ram|" +
      "donkey|camel",
  ),
  music: terms(
    "music|song|singing|sings|sing|band plays|choir|hymn|radio plays|jukebox|piano|guitar|" + "drums|anthem",
  ),
  sound: terms(
    "siren|horn|car horn|alarm|doorbell|phone rings|ringing|knock|thunder|gunshots|screech|" + "bang|beep",
  ),
  set_dressing: terms(
    "table|chair|sofa|couch|bed|desk|curtains|poster|posters|banner|banners|canopy|tent|lamp|" +
      "rug|carpet|shelf|shelves|bookcase|cabinet|fridge|television|tv|painting|portrait|" +
      "mattress|bench|stall|counter|pool table|altar|coffin|casket|fan|ceiling fan|wallpaper|" +
      "barricade|stage|clock|wall clock|string lights|fairy lights|booth|neon sign|burner|" +
      "gas burner|stove|jukebox|~fan|photos on the wall|crib|dresser|hospital bed|iv stand|" +
      "monitor|wreath|patio furniture",
  ),
  special_equipment: terms(
    "crane|drone|aerial|steadicam|underwater|dolly|car mount|process trailer|jib|" +
      "helicopter shot|high speed",
  ),
  visual_effects: terms(
    "cgi|vfx|morphs|transforms|disappears|vanishes|materializes|hologram|green screen|ghost|" +
      "glowing|glows|magically|levitates|invisible|split screen|monitor insert|slow motion",
  ),
};
