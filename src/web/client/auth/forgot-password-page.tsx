import { type FormEvent, useState } from "react";
import { AppLink } from "../components/app-link.tsx";
import { Button } from "../components/button.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { TextField } from "../components/text-field.tsx";
import { navigate } from "../lib/router.ts";
import { authRequest } from "./auth-client.ts";
import { AuthLayout } from "./auth-layout.tsx";
import { useFieldErrors } from "./use-field-errors.ts";

/** Asks for a password-reset link; the link lands on `/reset-password?token=…`. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState("");
  const fieldErrors = useFieldErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    fieldErrors.clear();
    if (!email.includes("@")) return fieldErrors.set("email", "Enter the e-mail address of your account.");
    await fieldErrors.run(async () => {
      await authRequest("request-password-reset", {
        email,
        redirectTo: `${window.location.origin}/reset-password`,
      });
      navigate(`/check-inbox?for=reset&email=${encodeURIComponent(email)}`);
    });
  };

  return (
    <AuthLayout title="Forgot your password?" subtitle="We will send you a link to choose a new one.">
      <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
        <TextField
          label="E-mail"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldErrors.errors.email}
        />
        {fieldErrors.errors.form ? <ErrorMessage>{fieldErrors.errors.form}</ErrorMessage> : null}
        <Button type="submit" variant="primary" disabled={fieldErrors.busy}>
          {fieldErrors.busy ? "Sending…" : "Send the link"}
        </Button>
        <AppLink href="/sign-in" className="text-sm text-amber-400 hover:underline">
          Back to sign in
        </AppLink>
      </form>
    </AuthLayout>
  );
}
