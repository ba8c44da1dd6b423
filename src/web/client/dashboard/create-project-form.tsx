import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "../components/button.tsx";
import { keys } from "../hooks/queries.ts";
import { api } from "../lib/api.ts";
import { navigate } from "../lib/router.ts";
import type { Project } from "../lib/types.ts";

/** One field and a button: names a new project and opens it. */
export function CreateProjectForm() {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const create = useMutation({
    mutationFn: (input: { title: string }) =>
      api<{ project: Project }>("/api/projects", { method: "POST", body: input }),
    onSuccess: async ({ project }) => {
      setTitle("");
      await queryClient.invalidateQueries({ queryKey: keys.projects });
      navigate(`/projects/${project.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ title });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-1" noValidate>
      <label htmlFor="new-project-title" className="text-sm font-medium text-stone-300">
        New project
      </label>
      <div className="flex gap-2">
        <input
          id="new-project-title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder="e.g. Brick & Steel"
          aria-invalid={create.isError ? true : undefined}
          aria-describedby={create.isError ? "new-project-error" : undefined}
          className="h-10 min-w-0 flex-1 rounded-md border border-stone-700 bg-stone-950 px-3 placeholder:text-stone-500"
        />
        <Button type="submit" variant="primary" disabled={create.isPending}>
          <Plus size={16} aria-hidden /> {create.isPending ? "Creating…" : "Create project"}
        </Button>
      </div>
      {create.isError ? (
        <p id="new-project-error" role="alert" className="text-sm text-red-300">
          {create.error.message}
        </p>
      ) : null}
    </form>
  );
}
