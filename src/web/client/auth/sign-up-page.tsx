import { type FormEvent, useState } from "react";
import { AppLink } from "../components/app-link.tsx";
import { Button } from "../components/button.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { TextField } from "../components/text-field.tsx";
import { navigate } from "../lib/router.ts";
import { authRequest } from "./auth-client.ts";
import { AuthLayout } from "./auth-layout.tsx";
import { useFieldErrors } from "./use-field-errors.ts";

/** Create an account; the server sends a verification link and the page says where to find it. */
export function SignUpPage() {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const fieldErrors = useFieldErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    fieldErrors.clear();
    if (!name.trim()) return fieldErrors.set("name", "Tell us your name (or your studio's).");
    await fieldErrors.run(async () => {
      await authRequest("sign-up/email", { name: name.trim(), email, password, callbackURL: "/" });
      navigate(`/check-inbox?email=${encodeURIComponent(email)}`);
    });
  };

  return (
    <AuthLayout title="Create your account" subtitle="Free credits to start; no card needed.">
      <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
        <TextField
          label="Name"
          autoComplete="name"
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={fieldErrors.errors.name}
        />
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
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldErrors.errors.password}
          hint="At least 8 characters; a passphrase of a few words works well."
        />
        {fieldErrors.errors.form ? <ErrorMessage>{fieldErrors.errors.form}</ErrorMessage> : null}
        <Button type="submit" variant="primary" disabled={fieldErrors.busy}>
          {fieldErrors.busy ? "Creating account…" : "Create account"}
        </Button>
        <p className="text-sm text-stone-400">
          Already have an account?{" "}
          <AppLink href="/sign-in" className="text-amber-400 hover:underline">
            Sign in
          </AppLink>
        </p>
      </form>
    </AuthLayout>
  );
}
