import { Loader2 } from "lucide-react";
import { Button } from "../components/button.tsx";
import { ErrorMessage } from "../components/error-message.tsx";

/** The whole-page wait (or failure) before the studio knows who is signed in. */
export function LoadingScreen(props: { error?: string; onRetry?: () => void }) {
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      {props.error ? (
        <div className="max-w-md">
          <ErrorMessage
            action={
              props.onRetry ? (
                <Button size="sm" onClick={props.onRetry}>
                  Retry
                </Button>
              ) : undefined
            }
          >
            {props.error}
          </ErrorMessage>
        </div>
      ) : (
        <p className="flex items-center gap-2 text-stone-400" role="status">
          <Loader2 className="animate-spin" size={18} aria-hidden /> Opening the studio…
        </p>
      )}
    </main>
  );
}
