import * as Dialog from "@radix-ui/react-dialog";
import { MessageSquareText, Sparkles, Upload } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "../components/button.tsx";
import { onCommand } from "../lib/studio-commands.ts";

const storageKey = "nollyai.tour-finished";

const steps = [
  {
    icon: Upload,
    title: "1. Upload your material",
    text: "Open a project and drop your screenplay, shots, audio or images into the Files panel. Many files at once are fine.",
  },
  {
    icon: MessageSquareText,
    title: "2. Ask in plain words",
    text: "“Break down my script”, “What happens in the garage scene?”, “Clean the dialogue audio”. Mention a file with the @ button.",
  },
  {
    icon: Sparkles,
    title: "3. Get results you can use",
    text: "Answers cite your own files; long work runs as jobs with progress in the Jobs panel, and you are notified when done. Anything destructive asks you first.",
  },
];

/** A short first-run tour (upload → ask → result); dismissed once, remembered in localStorage. */
export function FirstRunTour() {
  const [open, setOpen] = useState(() => {
    try {
      return window.localStorage.getItem(storageKey) !== "yes";
    } catch {
      return false;
    }
  });
  const [step, setStep] = useState(0);

  useEffect(
    () =>
      onCommand((command) => {
        if (command === "start-tour") {
          setStep(0);
          setOpen(true);
        }
      }),
    [],
  );

  const finish = () => {
    try {
      window.localStorage.setItem(storageKey, "yes");
    } catch {
      // Private mode: the tour simply shows again next time.
    }
    setOpen(false);
  };
  const current = steps[step] ?? steps[0];
  if (!current) return null;
  const Icon = current.icon;

  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? setOpen(true) : finish())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/60" />
        <Dialog.Content className="fixed bottom-4 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 rounded-xl border border-amber-600/50 bg-stone-900 p-5 shadow-2xl sm:bottom-8">
          <div className="mb-2 flex items-center gap-2 text-amber-400">
            <Icon size={20} aria-hidden />
            <Dialog.Title className="font-semibold text-stone-100">{current.title}</Dialog.Title>
          </div>
          <Dialog.Description className="text-sm text-stone-300">{current.text}</Dialog.Description>
          <div className="mt-4 flex items-center justify-between gap-2">
            <span className="text-xs text-stone-500" aria-live="polite">
              Step {step + 1} of {steps.length}
            </span>
            <div className="flex gap-2">
              <Button size="sm" variant="ghost" onClick={finish}>
                Skip tour
              </Button>
              {step < steps.length - 1 ? (
                <Button size="sm" variant="primary" onClick={() => setStep(step + 1)}>
                  Next
                </Button>
              ) : (
                <Button size="sm" variant="primary" onClick={finish}>
                  Start creating
                </Button>
              )}
            </div>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
