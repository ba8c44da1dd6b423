/** Splits a `|`-separated list of lexicon terms (kept as text so the data files stay compact). */
export function terms(list: string): string[] {
  return list.split("|").filter(Boolean);
}
