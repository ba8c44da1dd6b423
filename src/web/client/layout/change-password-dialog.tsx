import { type FormEvent, useState } from "react";
import { authRequest } from "../auth/auth-client.ts";
import { useFieldErrors } from "../auth/use-field-errors.ts";
import { Button } from "../components/button.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { Modal } from "../components/modal.tsx";
import { TextField } from "../components/text-field.tsx";

/** Changes the password of the signed-in account; every other session is signed out (the server insists). */
export function ChangePasswordDialog(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [done, setDone] = useState(false);
  const fieldErrors = useFieldErrors();
  // INVALID_PASSWORD is about the current password; the policy's refusals are about the new one.
  const wrongCurrent = fieldErrors.lastError?.code === "INVALID_PASSWORD";

  const reset = () => {
    setCurrent("");
    setNext("");
    setConfirmation("");
    setDone(false);
    fieldErrors.clear();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    fieldErrors.clear();
    if (next !== confirmation)
      return fieldErrors.set("form", "The two new passwords differ; type the same one twice.");
    await fieldErrors.run(async () => {
      await authRequest("change-password", { currentPassword: current, newPassword: next });
      setDone(true);
    });
  };

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => {
        if (!open) reset();
        props.onOpenChange(open);
      }}
      title="Change your password"
      description="Other devices signed in to this account will be signed out."
    >
      {done ? (
        <div className="flex flex-col gap-4">
          <p role="status" className="text-sm text-stone-200">
            Your new password is set. Other sessions were signed out; this one stays signed in.
          </p>
          <Button variant="primary" onClick={() => props.onOpenChange(false)}>
            Done
          </Button>
        </div>
      ) : (
        <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            error={wrongCurrent ? fieldErrors.errors.password : undefined}
          />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(event) => setNext(event.target.value)}
            error={wrongCurrent ? undefined : fieldErrors.errors.password}
          />
          <TextField
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
          />
          {fieldErrors.errors.form ? <ErrorMessage>{fieldErrors.errors.form}</ErrorMessage> : null}
          <div className="flex justify-end gap-2">
            <Button onClick={() => props.onOpenChange(false)}>Cancel</Button>
            <Button
              type="submit"
              variant="primary"
              disabled={fieldErrors.busy || current === "" || next === ""}
            >
              {fieldErrors.busy ? "Saving…" : "Save the new password"}
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
