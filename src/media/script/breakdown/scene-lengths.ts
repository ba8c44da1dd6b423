import type { PagePosition } from "../pagination/paginate.ts";

/** Start page and length in eighths of each scene, from where its heading and the next one start. */
export function measureScenes(
  headingPositions: Array<PagePosition | null>,
  end: PagePosition,
  linesPerPage: number,
): Array<{ page: number; eighths: number }> {
  const absolute = (position: PagePosition) => (position.page - 1) * linesPerPage + (position.line - 1);
  const known = headingPositions.map(
    (position, index) =>
      position ?? headingPositions.slice(0, index).findLast(Boolean) ?? { page: 1, line: 1 },
  );
  return known.map((position, index) => {
    const next = known[index + 1] ?? end;
    const lines = Math.max(0, absolute(next) - absolute(position));
    return { page: position.page, eighths: Math.max(1, Math.round((lines * 8) / linesPerPage)) };
  });
}
