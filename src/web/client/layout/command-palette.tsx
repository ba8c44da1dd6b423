import * as Dialog from "@radix-ui/react-dialog";
import { Search } from "lucide-react";
import { type KeyboardEvent, useMemo, useState } from "react";
import { useProjects } from "../hooks/queries.ts";
import { navigate } from "../lib/router.ts";
import { sendCommand } from "../lib/studio-commands.ts";

type PaletteEntry = { id: string; label: string; hint: string; run: () => void };

/** Ctrl/Cmd+K: jump to a project or page, or run a studio command, by typing. */
export function CommandPalette(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const projects = useProjects();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);

  const entries = useMemo<PaletteEntry[]>(() => {
    const base: PaletteEntry[] = [
      { id: "home", label: "Go to projects", hint: "Page", run: () => navigate("/") },
      { id: "credits", label: "Go to credits", hint: "Page", run: () => navigate("/credits") },
      { id: "new-thread", label: "New conversation", hint: "Alt+N", run: () => sendCommand("new-thread") },
      { id: "search", label: "Search files", hint: "/", run: () => sendCommand("focus-search") },
      { id: "help", label: "Keyboard shortcuts", hint: "?", run: () => sendCommand("open-help") },
      { id: "tour", label: "Show the tour", hint: "Help", run: () => sendCommand("start-tour") },
    ];
    const projectEntries = (projects.data ?? []).map((project) => ({
      id: project.id,
      label: `Open ${project.title}`,
      hint: "Project",
      run: () => navigate(`/projects/${project.id}`),
    }));
    const needle = query.trim().toLowerCase();
    return [...projectEntries, ...base].filter((entry) => entry.label.toLowerCase().includes(needle));
  }, [projects.data, query]);

  const choose = (entry: PaletteEntry | undefined) => {
    if (!entry) return;
    props.onOpenChange(false);
    setQuery("");
    // Let the dialog return focus before the command moves it elsewhere.
    window.setTimeout(entry.run, 0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((index) => Math.min(entries.length - 1, index + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => Math.max(0, index - 1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(entries[active]);
    }
  };

  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/60" />
        <Dialog.Content className="fixed top-[15vh] left-1/2 z-50 w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 overflow-hidden rounded-xl border border-stone-700 bg-stone-900 shadow-2xl">
          <Dialog.Title className="sr-only">Command palette</Dialog.Title>
          <Dialog.Description className="sr-only">
            Type to filter; arrows to move; Enter to run.
          </Dialog.Description>
          <div className="flex items-center gap-2 border-b border-stone-800 px-3">
            <Search size={16} className="text-stone-500" aria-hidden />
            <input
              className="h-12 flex-1 bg-transparent text-stone-100 outline-none placeholder:text-stone-500"
              placeholder="Type a command or a project name…"
              aria-label="Command"
              role="combobox"
              aria-expanded="true"
              aria-controls="palette-list"
              aria-activedescendant={entries[active] ? `palette-${entries[active].id}` : undefined}
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
            />
          </div>
          <div
            id="palette-list"
            role="listbox"
            aria-label="Commands"
            className="max-h-80 overflow-y-auto p-1"
          >
            {entries.length === 0 ? <p className="px-3 py-3 text-sm text-stone-400">No match.</p> : null}
            {entries.map((entry, index) => (
              <div
                key={entry.id}
                tabIndex={-1}
                id={`palette-${entry.id}`}
                role="option"
                aria-selected={index === active}
                className={`flex cursor-pointer items-center justify-between rounded px-3 py-2 text-sm ${index === active ? "bg-stone-800" : ""}`}
                onMouseEnter={() => setActive(index)}
                onClick={() => choose(entry)}
                onKeyDown={() => undefined}
              >
                <span className="truncate">{entry.label}</span>
                <span className="ml-3 shrink-0 text-xs text-stone-500">{entry.hint}</span>
              </div>
            ))}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
