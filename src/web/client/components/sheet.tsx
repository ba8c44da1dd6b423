import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ReactNode } from "react";

/** A panel sliding in from a side on small screens (a Radix dialog: focus trapped, Escape closes). */
export function Sheet(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  side: "left" | "right";
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/60" />
        <Dialog.Content
          className={`fixed top-0 bottom-0 z-50 flex w-[min(24rem,88vw)] flex-col border-stone-800 bg-stone-950 shadow-2xl ${props.side === "left" ? "left-0 border-r" : "right-0 border-l"}`}
        >
          <div className="flex h-12 items-center justify-between border-b border-stone-800 px-3">
            <Dialog.Title className="font-medium">{props.title}</Dialog.Title>
            <Dialog.Close
              className="rounded p-1 text-stone-400 hover:bg-stone-800"
              aria-label={`Close ${props.title}`}
            >
              <X size={18} aria-hidden />
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">{props.title}</Dialog.Description>
          {props.children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
