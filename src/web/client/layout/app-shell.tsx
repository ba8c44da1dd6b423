import { Clapperboard, Coins, Keyboard } from "lucide-react";
import { type ReactNode, useEffect, useState } from "react";
import { AppLink } from "../components/app-link.tsx";
import { useGlobalShortcuts } from "../hooks/use-global-shortcuts.ts";
import { useStudioEvents } from "../hooks/use-studio-events.ts";
import { onCommand } from "../lib/studio-commands.ts";
import type { Me } from "../lib/types.ts";
import { CommandPalette } from "./command-palette.tsx";
import { FirstRunTour } from "./first-run-tour.tsx";
import { HelpDialog } from "./help-dialog.tsx";
import { NotificationsMenu } from "./notifications-menu.tsx";
import { UserMenu } from "./user-menu.tsx";

/** The signed-in frame: header (home, credits, notifications, help, account), page, and global dialogs. */
export function AppShell(props: { me: Me; children: ReactNode }) {
  const [helpOpen, setHelpOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  useGlobalShortcuts();
  useStudioEvents(true);

  useEffect(
    () =>
      onCommand((command) => {
        if (command === "open-help") setHelpOpen(true);
        if (command === "open-palette") setPaletteOpen(true);
      }),
    [],
  );

  return (
    <div className="flex h-full min-h-0 flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-stone-800 focus:p-2"
      >
        Skip to content
      </a>
      <header className="flex h-14 shrink-0 items-center gap-2 border-b border-stone-800 bg-stone-950 px-3 sm:px-4">
        <AppLink href="/" className="flex min-w-0 items-center gap-2 rounded font-semibold text-amber-400">
          <Clapperboard size={20} aria-hidden />
          <span className="hidden sm:inline">NollyAI Studio</span>
          <span className="sr-only sm:hidden">NollyAI Studio: projects</span>
        </AppLink>
        <nav aria-label="Main" className="ml-2 flex items-center gap-1 text-sm">
          <AppLink href="/" className="rounded px-2 py-1 text-stone-300 hover:bg-stone-800">
            Projects
          </AppLink>
        </nav>
        <div className="ml-auto flex items-center gap-1">
          <AppLink
            href="/credits"
            className="flex items-center gap-1.5 rounded-full border border-stone-700 px-2.5 py-1 text-sm text-stone-200 hover:bg-stone-800"
            aria-label={`Credits: ${props.me.profile.credits} left. Open the credits page`}
          >
            <Coins size={15} className="text-amber-400" aria-hidden />
            <span data-testid="credit-balance">{props.me.profile.credits}</span>
          </AppLink>
          <NotificationsMenu />
          <button
            type="button"
            onClick={() => setHelpOpen(true)}
            className="hidden rounded p-2 text-stone-300 hover:bg-stone-800 sm:block"
            aria-label="Keyboard shortcuts (?)"
          >
            <Keyboard size={18} aria-hidden />
          </button>
          <UserMenu
            me={props.me}
            onOpenHelp={() => setHelpOpen(true)}
            onOpenPalette={() => setPaletteOpen(true)}
          />
        </div>
      </header>
      <div id="main" className="flex min-h-0 flex-1 flex-col">
        {props.children}
      </div>
      <HelpDialog open={helpOpen} onOpenChange={setHelpOpen} />
      <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} />
      <FirstRunTour />
    </div>
  );
}
