import type { BreakdownElement } from "../breakdown-model.ts";
import type { ExtractedElement } from "../extract/element-extractor.ts";
import type { ScreenplayElement } from "../screenplay-model.ts";

/** Turns extracted elements into breakdown elements, finding the character span of each quote. */
export function locateElements(
  found: ExtractedElement[],
  elements: ScreenplayElement[],
  origin: BreakdownElement["origin"],
): BreakdownElement[] {
  return found.map((item) => {
    const element = item.elementIndex === null ? undefined : elements[item.elementIndex];
    const quote = item.quote ?? item.name;
    const start = element ? element.text.toLowerCase().indexOf(quote.toLowerCase()) : -1;
    const source =
      element && item.elementIndex !== null && start >= 0
        ? {
            elementIndex: item.elementIndex,
            start,
            end: start + quote.length,
            quote: element.text.slice(start, start + quote.length),
          }
        : null;
    return { category: item.category, name: item.name, origin, source };
  });
}
