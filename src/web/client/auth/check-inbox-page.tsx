import { MailCheck } from "lucide-react";
import { useState } from "react";
import { AppLink } from "../components/app-link.tsx";
import { Button } from "../components/button.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { ApiError } from "../lib/api.ts";
import { useLocation } from "../lib/router.ts";
import { authRequest } from "./auth-client.ts";
import { AuthLayout } from "./auth-layout.tsx";

/** After sign-up (or a reset request): where the link went, including the embedded mode's outbox. */
export function CheckInboxPage() {
  const { search } = useLocation();
  const email = search.get("email") ?? "";
  const purpose = search.get("for") === "reset" ? "reset" : "verify";
  const [status, setStatus] = useState<"idle" | "sending" | "sent">("idle");
  const [error, setError] = useState<string | null>(null);

  const resend = async () => {
    setStatus("sending");
    setError(null);
    try {
      await authRequest("send-verification-email", { email, callbackURL: "/" });
      setStatus("sent");
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not resend the link. Try again.");
      setStatus("idle");
    }
  };

  return (
    <AuthLayout
      title="Check your inbox"
      subtitle={
        purpose === "reset"
          ? "If an account uses this address, a link to choose a new password is on its way."
          : "We sent a link to confirm your e-mail address."
      }
    >
      <div className="flex flex-col gap-4 text-sm text-stone-300">
        <div className="flex items-start gap-3">
          <MailCheck className="mt-0.5 shrink-0 text-amber-400" aria-hidden />
          <p>
            Open the link sent to <strong className="text-stone-100">{email || "your address"}</strong>. It
            works for one hour.
          </p>
        </div>
        <p className="rounded-md border border-stone-800 bg-stone-950 p-3 text-stone-400">
          Running the studio yourself without mail set up (embedded mode)? The link is in the server log (the
          line “mail kept in outbox”) and in the <code>mail_outbox</code> table.
        </p>
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
        {purpose === "verify" && email ? (
          <Button onClick={resend} disabled={status === "sending"}>
            {status === "sending" ? "Sending…" : status === "sent" ? "Sent again" : "Resend the link"}
          </Button>
        ) : null}
        <AppLink href="/sign-in" className="text-amber-400 hover:underline">
          Back to sign in
        </AppLink>
      </div>
    </AuthLayout>
  );
}
