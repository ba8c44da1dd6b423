import { Coins, FolderOpen } from "lucide-react";
import { AppLink } from "../components/app-link.tsx";
import { EmptyState } from "../components/empty-state.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { useMe, useProjects } from "../hooks/queries.ts";
import { CreateProjectForm } from "./create-project-form.tsx";
import { ProjectRow } from "./project-row.tsx";
import { RecentJobs } from "./recent-jobs.tsx";

/** The dashboard: projects (create, open, rename, delete), the credit balance and recent jobs. */
export function DashboardPage() {
  const projects = useProjects();
  const me = useMe();
  return (
    <main className="mx-auto grid w-full max-w-6xl gap-6 overflow-y-auto p-4 sm:p-6 lg:grid-cols-[1fr_20rem]">
      <section aria-labelledby="projects-heading" className="min-w-0">
        <h1 id="projects-heading" className="mb-4 text-2xl font-semibold tracking-tight">
          Your projects
        </h1>
        <CreateProjectForm />
        <div className="mt-4">
          {projects.isPending ? (
            <p role="status" className="text-sm text-stone-400">
              Loading projects…
            </p>
          ) : projects.isError ? (
            <ErrorMessage>{projects.error.message}</ErrorMessage>
          ) : projects.data.length === 0 ? (
            <EmptyState icon={<FolderOpen aria-hidden />} title="No projects yet">
              Create one above: a film, a short, a series. Then upload your screenplay into it.
            </EmptyState>
          ) : (
            <ul className="flex flex-col gap-2" aria-label="Projects">
              {projects.data.map((project) => (
                <ProjectRow key={project.id} project={project} />
              ))}
            </ul>
          )}
        </div>
      </section>
      <aside className="flex min-w-0 flex-col gap-6" aria-label="Account summary">
        <section
          aria-labelledby="credits-heading"
          className="rounded-xl border border-stone-800 bg-stone-900 p-4"
        >
          <h2
            id="credits-heading"
            className="mb-1 flex items-center gap-2 text-sm font-medium text-stone-400"
          >
            <Coins size={16} className="text-amber-400" aria-hidden /> Credits
          </h2>
          <p className="text-3xl font-semibold">{me.data?.profile.credits ?? "…"}</p>
          <AppLink href="/credits" className="text-sm text-amber-400 hover:underline">
            See history
          </AppLink>
        </section>
        <RecentJobs />
      </aside>
    </main>
  );
}
