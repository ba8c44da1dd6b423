import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useQueryClient } from "@tanstack/react-query";
import { Coins, Command, Keyboard, KeyRound, LogOut, Map as MapIcon, Trash2, UserRound } from "lucide-react";
import { useState } from "react";
import { authRequest } from "../auth/auth-client.ts";
import { navigate } from "../lib/router.ts";
import { sendCommand } from "../lib/studio-commands.ts";
import type { Me } from "../lib/types.ts";
import { ChangePasswordDialog } from "./change-password-dialog.tsx";
import { DeleteAccountDialog } from "./delete-account-dialog.tsx";

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-stone-800";

/**
 * The account menu: who is signed in, credits, shortcuts, the tour, changing the password, sign out, and
 * deleting the account.
 */
export function UserMenu(props: { me: Me; onOpenHelp: () => void; onOpenPalette: () => void }) {
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const signOut = async () => {
    await authRequest("sign-out").catch(() => undefined);
    queryClient.clear();
    navigate("/sign-in", { replace: true });
  };
  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger
          className="flex items-center gap-2 rounded-full p-1.5 text-stone-200 hover:bg-stone-800"
          aria-label={`Account menu for ${props.me.profile.displayName}`}
        >
          <UserRound size={18} aria-hidden />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={6}
            className="z-50 min-w-56 rounded-lg border border-stone-700 bg-stone-900 p-1 text-stone-100 shadow-xl"
          >
            <DropdownMenu.Label className="px-2 py-1.5 text-xs text-stone-400">
              {props.me.profile.displayName}
              <br />
              {props.me.user.email}
            </DropdownMenu.Label>
            <DropdownMenu.Separator className="my-1 h-px bg-stone-800" />
            <DropdownMenu.Item className={itemClass} onSelect={() => navigate("/credits")}>
              <Coins size={15} aria-hidden /> Credits and history
            </DropdownMenu.Item>
            <DropdownMenu.Item className={itemClass} onSelect={props.onOpenPalette}>
              <Command size={15} aria-hidden /> Command palette
            </DropdownMenu.Item>
            <DropdownMenu.Item className={itemClass} onSelect={props.onOpenHelp}>
              <Keyboard size={15} aria-hidden /> Keyboard shortcuts
            </DropdownMenu.Item>
            <DropdownMenu.Item className={itemClass} onSelect={() => sendCommand("start-tour")}>
              <MapIcon size={15} aria-hidden /> Show the tour again
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="my-1 h-px bg-stone-800" />
            <DropdownMenu.Item className={itemClass} onSelect={() => setChangingPassword(true)}>
              <KeyRound size={15} aria-hidden /> Change password…
            </DropdownMenu.Item>
            <DropdownMenu.Item className={itemClass} onSelect={() => void signOut()}>
              <LogOut size={15} aria-hidden /> Sign out
            </DropdownMenu.Item>
            <DropdownMenu.Item className={`${itemClass} text-red-300`} onSelect={() => setDeleting(true)}>
              <Trash2 size={15} aria-hidden /> Delete account…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <ChangePasswordDialog open={changingPassword} onOpenChange={setChangingPassword} />
      <DeleteAccountDialog open={deleting} onOpenChange={setDeleting} email={props.me.user.email} />
    </>
  );
}
