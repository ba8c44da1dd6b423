/** Commands that the palette and global shortcuts send to whichever page can carry them out. */
export type StudioCommand = "new-thread" | "focus-search" | "open-help" | "open-palette" | "start-tour";

const eventName = "studio-command";

export function sendCommand(command: StudioCommand) {
  window.dispatchEvent(new CustomEvent<StudioCommand>(eventName, { detail: command }));
}

/** Subscribes to studio commands; returns the unsubscribe function. */
export function onCommand(handler: (command: StudioCommand) => void): () => void {
  const listener = (event: Event) => handler((event as CustomEvent<StudioCommand>).detail);
  window.addEventListener(eventName, listener);
  return () => window.removeEventListener(eventName, listener);
}
