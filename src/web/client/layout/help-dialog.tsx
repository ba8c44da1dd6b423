import { Modal } from "../components/modal.tsx";
import { shortcutList } from "./shortcut-list.ts";

/** Lists the keyboard shortcuts (opened with `?`). */
export function HelpDialog(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title="Keyboard shortcuts">
      <table className="w-full text-sm">
        <caption className="sr-only">Keyboard shortcuts</caption>
        <tbody>
          {shortcutList.map((shortcut) => (
            <tr key={shortcut.action} className="border-b border-stone-800 last:border-0">
              <th scope="row" className="py-2 pr-4 text-left font-normal text-stone-300">
                {shortcut.action}
              </th>
              <td className="py-2 text-right whitespace-nowrap">
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 ? <span className="mx-1 text-stone-500">+</span> : null}
                    <kbd className="rounded border border-stone-600 bg-stone-800 px-1.5 py-0.5 font-mono text-xs">
                      {key}
                    </kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
