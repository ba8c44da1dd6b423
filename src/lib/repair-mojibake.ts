import { windows1252Byte } from "./windows-1252.ts";

/**
 * Undoes the commonest text damage in scripts that passed through several tools: UTF-8 read as Windows-1252
 * (or Latin-1) and saved again as UTF-8, so `°` became `Â°`, `é` became `Ã©` and `’` became `â€™`. Only
 * exact byte shapes are repaired: a character that would be a UTF-8 lead byte followed by as many
 * characters as it needs that would be continuation bytes (0x80–0xBF), and only when those bytes decode as
 * UTF-8. Ordinary accented text (`CAFÉ`, `à la`) has no such runs and is left as it is.
 */
export function repairMojibake(text: string): string {
  if (!suspect.test(text)) return text;
  return text.replace(damaged, (run) => {
    const bytes = Uint8Array.from(run, (character) => windows1252Byte.get(character) ?? 0);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return run;
    }
  });
}

/** Characters standing for the bytes 0x80–0xBF. */
const continuation = `[${[...windows1252Byte]
  .filter(([, byte]) => byte >= 0x80 && byte <= 0xbf)
  .map(([character]) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`)
  .join("")}]`;

const damaged = new RegExp(
  `[\\u00c2-\\u00df]${continuation}|[\\u00e0-\\u00ef]${continuation}{2}|[\\u00f0-\\u00f4]${continuation}{3}`,
  "g",
);
const suspect = /[\u00c2-\u00f4]/;
