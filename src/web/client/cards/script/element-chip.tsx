import type { BreakdownCategory } from "../../../../media/script/index.ts";
import { categoryLooks } from "./category-colors.ts";

/** One breakdown element as a chip coloured by its category. */
export function ElementChip(props: { category: BreakdownCategory; name: string }) {
  const look = categoryLooks[props.category];
  return (
    <span
      className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs ${look.chip}`}
      title={look.label}
      data-testid="element-chip"
    >
      {props.name}
    </span>
  );
}
