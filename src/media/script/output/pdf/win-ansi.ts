/** The WinAnsi codes 128–159 that are not Latin-1, by Unicode code point. */
const windows1252Extras = new Map<number, number>([
  [0x20ac, 128],
  [0x201a, 130],
  [0x0192, 131],
  [0x201e, 132],
  [0x2026, 133],
  [0x2020, 134],
  [0x2021, 135],
  [0x02c6, 136],
  [0x2030, 137],
  [0x0160, 138],
  [0x2039, 139],
  [0x0152, 140],
  [0x017d, 142],
  [0x2018, 145],
  [0x2019, 146],
  [0x201c, 147],
  [0x201d, 148],
  [0x2022, 149],
  [0x2013, 150],
  [0x2014, 151],
  [0x02dc, 152],
  [0x2122, 153],
  [0x0161, 154],
  [0x203a, 155],
  [0x0153, 156],
  [0x017e, 158],
  [0x0178, 159],
]);

const questionMark = 63;

function codeOf(character: string): number | null {
  const point = character.codePointAt(0) ?? questionMark;
  if (character.length !== 1 && point < 0x10000) return null;
  if (point < 32) return 32;
  if ((point >= 32 && point < 127) || (point >= 160 && point <= 255)) return point;
  return windows1252Extras.get(point) ?? null;
}

const printableAscii = /^[\x20-\x7e]*$/;

/** A base letter with its combining marks, as the text was written. */
const clusters = /\P{M}\p{M}*|\p{M}+/gu;

/**
 * Encodes text for a standard-14 font (WinAnsiEncoding). A letter outside it keeps what it can:
 * `Ọ` (O with dot below, common in Yoruba names) becomes `O`, `ẹ́` becomes `é`; anything else becomes `?`.
 */
export function encodeWinAnsi(text: string): number[] {
  const codes: number[] = [];
  if (printableAscii.test(text)) {
    for (let index = 0; index < text.length; index += 1) codes.push(text.charCodeAt(index));
    return codes;
  }
  for (const [cluster] of text.normalize("NFD").matchAll(clusters)) {
    const whole = codeOf(cluster.normalize("NFC"));
    if (whole !== null) {
      codes.push(whole);
      continue;
    }
    const [base = "?", ...marks] = [...cluster];
    const withOneMark = marks
      .map((mark) => codeOf((base + mark).normalize("NFC")))
      .find((code) => code !== null);
    codes.push(withOneMark ?? codeOf(base) ?? questionMark);
  }
  return codes;
}
