import type { BreakdownCategory } from "../../categories.ts";
import { terms } from "./terms.ts";

// `~word` counts only after a determiner (the word is also a verb); `written=name` tags `written` as `name`.
/** Terms of Nigerian (Nollywood) productions: Lagos streets, owambe parties, Yoruba/Igbo/Hausa dress and ritual. */
export const nigerianLexicon: Partial<Record<BreakdownCategory, string[]>> = {
  background: terms(
    "area boys|agberos|market women|okada riders|keke riders|danfo passengers|party guests|" +
      "owambe guests|aso-ebi ladies|aso-ebi girls|praise singers|drummers|masquerades|" +
      "masqueraders|mourners|elders|church members|worshippers|hawkers|traders|street hawkers|" +
      "touts|conductors|commuters|celebrants|security men|policemen at the checkpoint|villagers|" +
      "chiefs|bridesmaids",
  ),
  vehicles: terms(
    "danfo|okada|keke|keke napep|molue|tricycle|brt bus|police van|black maria|tokunbo car|" +
      "corolla|camry|hilux|land cruiser|g-wagon|generator truck|canoe|ferry",
  ),
  props: terms(
    "naira notes|naira|bundle of naira|jollof|jollof rice|suya|palm wine|kola nut|kolanut|" +
      "calabash|talking drum|gourd|cutlass|machete|charm|juju charm|amulet|cowries|" +
      "cowrie shells|bitter kola|schnapps|gin|ogogoro|agege bread|puff-puff|pepper soup|" +
      "pounded yam|eba|amala|fufu|akara|chin chin|zobo|malt|star beer|gulder|trophy beer|" +
      "small chops|mortar|pestle|wrapper of money|handfan|hand fan|walking stick|horsetail|" +
      "flywhisk|fly whisk|sachet water|pure water|keg|tray of oranges|groundnuts|plantain|dodo|" +
      "bucket of water|kerosene lamp|lantern|wheelbarrow|megaphone|loudspeaker|danfo fare|bribe|" +
      "receipt|ticket|gen=generator|generator|naira note|phone torch|ak-47",
  ),
  special_effects: terms(
    "bonfire|fire|smoke|burning tyre|burning tire|tear gas|harmattan haze|power cut|" +
      "nepa takes light|light goes off",
  ),
  wardrobe: terms(
    "agbada|gele|aso-ebi|aso ebi|aso-oke|aso oke|buba|iro|wrapper|fila|kaftan|senator|isiagu|" +
      "george wrapper|ankara|lace|coral beads|beads|headtie|head tie|police uniform|" +
      "school uniform|school shorts|okada helmet|hijab|babariga|dashiki|red cap|white garment|" +
      "church gown",
  ),
  makeup_hair: terms("tribal marks|uli|henna|laali|white chalk|native chalk|ashes|shaved head|wig|braids"),
  animals: terms("goat|ram|chicken|cockerel|tortoise|snake|lizard|agama|cow|dog|vulture"),
  music: terms(
    "talking drum|highlife|afrobeats|afrobeat|fuji|juju music|apala|gospel|praise song|" +
      "live band|dj plays|speakers blare|drumming",
  ),
  sound: terms(
    "generator hum|gen hum|horns|danfo horn|conductor shouts|call to prayer|church bells|" + "gunshots|siren",
  ),
  set_dressing: terms(
    "canopy|canopies|plastic chairs|shrine|babalawo shrine|altar|mat|raffia mat|stall|kiosk|" +
      "buka|bench|posters|campaign posters|banner|calendar|photo of the oba|portrait|cooler|" +
      "coolers|food warmers|sound system|speakers|mosquito net|bucket|clothesline|water drums|" +
      "jerrycans|police barricade|tyres|tires|pot|cauldron|clay pots|hanging beads|zinc roof",
  ),
  special_equipment: terms("aerial|drone|car mount|generator for lights"),
  visual_effects: terms(
    "spirit|ghost|vanishes|disappears|transforms|smoke takes shape|glowing eyes|juju glows",
  ),
};
