import { type FormEvent, useState } from "react";
import { AppLink } from "../components/app-link.tsx";
import { Button } from "../components/button.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { TextField } from "../components/text-field.tsx";
import { useLocation } from "../lib/router.ts";
import { authRequest } from "./auth-client.ts";
import { AuthLayout } from "./auth-layout.tsx";
import { useFieldErrors } from "./use-field-errors.ts";

/** Chooses a new password with the single-use token from the reset mail. */
export function ResetPasswordPage() {
  const { search } = useLocation();
  const token = search.get("token") ?? "";
  const linkError = search.get("error");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [done, setDone] = useState(false);
  const fieldErrors = useFieldErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    fieldErrors.clear();
    if (password !== confirmation)
      return fieldErrors.set("form", "The two passwords differ; type the same one twice.");
    await fieldErrors.run(async () => {
      await authRequest("reset-password", { token, newPassword: password });
      setDone(true);
    });
  };

  if (!token || linkError) {
    return (
      <AuthLayout title="This link does not work">
        <p className="mb-4 text-sm text-stone-300">
          The reset link is missing, used or expired. Ask for a new one; it works once, for one hour.
        </p>
        <AppLink href="/forgot-password" className="text-amber-400 hover:underline">
          Send a new link
        </AppLink>
      </AuthLayout>
    );
  }
  if (done) {
    return (
      <AuthLayout title="Password changed">
        <p className="mb-4 text-sm text-stone-300">
          Your new password is set, and other sessions were signed out.
        </p>
        <AppLink href="/sign-in" className="text-amber-400 hover:underline">
          Sign in
        </AppLink>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Choose a new password">
      <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldErrors.errors.password}
        />
        <TextField
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
        />
        {fieldErrors.errors.form || fieldErrors.errors.email ? (
          <ErrorMessage>{fieldErrors.errors.form ?? fieldErrors.errors.email}</ErrorMessage>
        ) : null}
        <Button type="submit" variant="primary" disabled={fieldErrors.busy}>
          {fieldErrors.busy ? "Saving…" : "Save the new password"}
        </Button>
      </form>
    </AuthLayout>
  );
}
