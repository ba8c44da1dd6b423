import type { LevelReport } from "./audio-result-types.ts";

const rows: Array<{ key: keyof LevelReport; label: string; unit: string }> = [
  { key: "integratedLufs", label: "Integrated loudness", unit: "LUFS" },
  { key: "rangeLu", label: "Loudness range", unit: "LU" },
  { key: "truePeakDbtp", label: "True peak", unit: "dBTP" },
  { key: "noiseFloorDb", label: "Noise floor", unit: "dBFS" },
];

function formatLevel(value: number | null, unit: string): string {
  return value === null ? "—" : `${value.toFixed(1)} ${unit}`;
}

/** Loudness and noise floor before and after a clean (or only the measured side, for an analysis). */
export function LoudnessReportTable(props: { before: LevelReport; after?: LevelReport }) {
  return (
    <table className="w-full text-xs tabular-nums" data-testid="loudness-report">
      <thead>
        <tr className="text-left text-stone-400">
          <th className="py-1 font-normal">Measure</th>
          <th className="py-1 font-normal">{props.after ? "Before" : "Value"}</th>
          {props.after ? <th className="py-1 font-normal">After</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-stone-800 text-stone-200">
            <td className="py-1 text-stone-400">{row.label}</td>
            <td className="py-1">{formatLevel(props.before[row.key], row.unit)}</td>
            {props.after ? (
              <td className="py-1 text-teal-300">{formatLevel(props.after[row.key], row.unit)}</td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
