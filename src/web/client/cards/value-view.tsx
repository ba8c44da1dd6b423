import { formatBytes } from "../lib/format.ts";

function label(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[-_]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

function Scalar(props: { name: string; value: unknown }) {
  const { value } = props;
  if (value === null || value === undefined) return <span className="text-stone-500">—</span>;
  if (typeof value === "boolean") return <span>{value ? "yes" : "no"}</span>;
  if (typeof value === "number" && /bytes/i.test(props.name)) return <span>{formatBytes(value)}</span>;
  const text = String(value);
  return <span className="break-words">{text.length > 400 ? `${text.slice(0, 400)}…` : text}</span>;
}

/** A tidy, bounded view of any JSON value: key/value lists, short lists of items, never a raw JSON wall. */
export function ValueView(props: { value: unknown; depth?: number; name?: string }) {
  const depth = props.depth ?? 0;
  const { value } = props;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="text-stone-500">none</span>;
    if (depth >= 2) return <span className="text-stone-400">{value.length} items</span>;
    return (
      <ul className="flex flex-col gap-1">
        {value.slice(0, 8).map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity of their own here
          <li key={index} className="rounded border border-stone-800 px-2 py-1">
            <ValueView value={item} depth={depth + 1} />
          </li>
        ))}
        {value.length > 8 ? <li className="text-stone-400">and {value.length - 8} more</li> : null}
      </ul>
    );
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return <span className="text-stone-500">nothing</span>;
    if (depth >= 3) return <span className="text-stone-400">{entries.length} fields</span>;
    return (
      <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-1">
        {entries.slice(0, 16).map(([key, item]) => (
          <div key={key} className="contents">
            <dt className="text-stone-400">{label(key)}</dt>
            <dd className="min-w-0">
              <ValueView value={item} depth={depth + 1} name={key} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <Scalar name={props.name ?? ""} value={value} />;
}
