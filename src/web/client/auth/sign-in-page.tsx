import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { AppLink } from "../components/app-link.tsx";
import { Button } from "../components/button.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { TextField } from "../components/text-field.tsx";
import { navigate, useLocation } from "../lib/router.ts";
import { authRequest } from "./auth-client.ts";
import { AuthLayout } from "./auth-layout.tsx";
import { useFieldErrors } from "./use-field-errors.ts";

/** Sign in with e-mail and password; an unverified address gets a way to resend the link. */
export function SignInPage() {
  const queryClient = useQueryClient();
  const { search } = useLocation();
  const linkError = search.get("error");
  const accountDeleted = search.get("deleted") === "1";
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const fieldErrors = useFieldErrors();
  const unverified = fieldErrors.lastError?.code === "EMAIL_NOT_VERIFIED";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    fieldErrors.clear();
    await fieldErrors.run(async () => {
      await authRequest("sign-in/email", { email, password });
      await queryClient.invalidateQueries();
      navigate("/", { replace: true });
    });
  };

  const resend = async () => {
    try {
      await authRequest("send-verification-email", { email, callbackURL: "/" });
      navigate(`/check-inbox?email=${encodeURIComponent(email)}`);
    } catch (error) {
      fieldErrors.fromError(error);
    }
  };

  return (
    <AuthLayout title="Sign in" subtitle="Welcome back to the studio.">
      <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
        {accountDeleted ? (
          <p
            role="status"
            className="rounded-md border border-stone-700 bg-stone-900 px-3 py-2 text-sm text-stone-200"
          >
            Your account and everything in it were deleted.
          </p>
        ) : null}
        {linkError ? (
          <ErrorMessage>
            That link did not work (it may be used or older than an hour). Sign in; if your address is not
            confirmed yet, you can ask for a new link here.
          </ErrorMessage>
        ) : null}
        <TextField
          label="E-mail"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldErrors.errors.email}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldErrors.errors.password}
        />
        {fieldErrors.errors.form ? (
          <ErrorMessage
            action={
              unverified ? (
                <Button size="sm" onClick={resend}>
                  Resend link
                </Button>
              ) : undefined
            }
          >
            {unverified
              ? "Confirm your e-mail address first: open the link we sent you."
              : fieldErrors.errors.form}
          </ErrorMessage>
        ) : null}
        <Button type="submit" variant="primary" disabled={fieldErrors.busy}>
          {fieldErrors.busy ? "Signing in…" : "Sign in"}
        </Button>
        <div className="flex flex-wrap justify-between gap-2 text-sm">
          <AppLink href="/forgot-password" className="text-amber-400 hover:underline">
            Forgot your password?
          </AppLink>
          <AppLink href="/sign-up" className="text-amber-400 hover:underline">
            Create an account
          </AppLink>
        </div>
      </form>
    </AuthLayout>
  );
}
