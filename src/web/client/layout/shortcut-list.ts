/** The keyboard shortcuts, listed once for the help dialog. */
export const shortcutList: { keys: string[]; action: string }[] = [
  { keys: ["Enter"], action: "Send the message" },
  { keys: ["Shift", "Enter"], action: "New line in the message" },
  { keys: ["Alt", "N"], action: "New conversation" },
  { keys: ["/"], action: "Focus the file search" },
  { keys: ["Ctrl / ⌘", "K"], action: "Open the command palette" },
  { keys: ["?"], action: "Show this help" },
  { keys: ["Esc"], action: "Close a dialog or menu" },
];
