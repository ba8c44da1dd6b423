import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { authRequest } from "../auth/auth-client.ts";
import { useFieldErrors } from "../auth/use-field-errors.ts";
import { Button } from "../components/button.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { Modal } from "../components/modal.tsx";
import { TextField } from "../components/text-field.tsx";
import { navigate } from "../lib/router.ts";

/**
 * Deletes the signed-in account after the user says what it costs and gives the password: every project,
 * file, conversation, job, credit and access token goes, and cannot be brought back.
 */
export function DeleteAccountDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  email: string;
}) {
  const queryClient = useQueryClient();
  const [password, setPassword] = useState("");
  const fieldErrors = useFieldErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    fieldErrors.clear();
    await fieldErrors.run(async () => {
      await authRequest("delete-user", { password });
      queryClient.clear();
      navigate("/sign-in?deleted=1", { replace: true });
    });
  };

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => {
        if (!open) {
          setPassword("");
          fieldErrors.clear();
        }
        props.onOpenChange(open);
      }}
      title="Delete your account"
      description={
        <>
          This deletes <strong>{props.email}</strong> with every project, uploaded and generated file,
          conversation, job, credit and access token. Running jobs are cancelled. It cannot be undone.
        </>
      }
    >
      <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
        <TextField
          label="Your password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldErrors.errors.password}
        />
        {fieldErrors.errors.form ? <ErrorMessage>{fieldErrors.errors.form}</ErrorMessage> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={() => props.onOpenChange(false)}>Keep my account</Button>
          <Button type="submit" variant="danger" disabled={fieldErrors.busy || password === ""}>
            {fieldErrors.busy ? "Deleting…" : "Delete everything"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
