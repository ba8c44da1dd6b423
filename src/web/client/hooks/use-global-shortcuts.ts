import { useEffect } from "react";
import { sendCommand } from "../lib/studio-commands.ts";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The studio's keyboard shortcuts: Ctrl/Cmd+K palette, `?` help, `/` focus search, Alt+N new conversation.
 * Single-key shortcuts are ignored while typing in a field.
 */
export function useGlobalShortcuts() {
  useEffect(() => {
    const handle = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        sendCommand("open-palette");
        return;
      }
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyN") {
        event.preventDefault();
        sendCommand("new-thread");
        return;
      }
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "?") {
        event.preventDefault();
        sendCommand("open-help");
      } else if (event.key === "/") {
        event.preventDefault();
        sendCommand("focus-search");
      }
    };
    window.addEventListener("keydown", handle);
    return () => window.removeEventListener("keydown", handle);
  }, []);
}
