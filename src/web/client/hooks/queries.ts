import { useQuery } from "@tanstack/react-query";
import { api, isMissingEndpoint } from "../lib/api.ts";
import { mergeJobLists } from "../lib/job-snapshots.ts";
import type {
  CreditEntry,
  JobSnapshot,
  Me,
  Project,
  StudioFile,
  StudioNotification,
  Thread,
} from "../lib/types.ts";

/** Query keys, in one place so events and mutations refresh the right caches. */
export const keys = {
  me: ["me"] as const,
  projects: ["projects"] as const,
  project: (projectId: string) => ["project", projectId] as const,
  files: (projectId: string) => ["files", projectId] as const,
  threads: (projectId: string) => ["threads", projectId] as const,
  jobs: (projectId?: string) => (projectId ? (["jobs", projectId] as const) : (["jobs"] as const)),
  job: (jobId: string) => ["job", jobId] as const,
  credits: ["credits"] as const,
  notifications: ["notifications"] as const,
};

/** A feature the server does not offer yet answers `null` instead of an error (its 404). */
async function optional<T>(path: string): Promise<T | null> {
  try {
    return await api<T>(path);
  } catch (error) {
    if (isMissingEndpoint(error)) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: () => api<Me>("/api/me"), retry: false, staleTime: 30_000 });
}

export function useProjects() {
  return useQuery({
    queryKey: keys.projects,
    queryFn: async () => (await api<{ projects: Project[] }>("/api/projects")).projects,
  });
}

export function useProject(projectId: string) {
  return useQuery({
    queryKey: keys.project(projectId),
    queryFn: async () => (await api<{ project: Project }>(`/api/projects/${projectId}`)).project,
    retry: false,
  });
}

export function useFiles(projectId: string) {
  return useQuery({
    queryKey: keys.files(projectId),
    queryFn: async () => (await api<{ files: StudioFile[] }>(`/api/projects/${projectId}/files`)).files,
  });
}

export function useThreads(projectId: string) {
  return useQuery({
    queryKey: keys.threads(projectId),
    queryFn: async () => (await api<{ threads: Thread[] }>(`/api/threads?projectId=${projectId}`)).threads,
  });
}

/** Jobs, optionally of one project; `null` while the jobs API is not there. */
export function useJobs(projectId?: string) {
  return useQuery({
    queryKey: keys.jobs(projectId),
    queryFn: async () => {
      const query = projectId ? `?projectId=${projectId}` : "";
      const body = await optional<{ jobs: JobSnapshot[] }>(`/api/jobs${query}`);
      return body ? body.jobs : null;
    },
    // A list asked for before an event can answer after it: never let it move a job back.
    structuralSharing: (current, incoming) =>
      mergeJobLists(current as JobSnapshot[] | null | undefined, incoming as JobSnapshot[] | null),
  });
}

/** Whether a snapshot carries its output (lists leave it out; a large event carries `{ omitted: true }`). */
function hasOutput(job: JobSnapshot): boolean {
  const output = job.output as { omitted?: unknown } | null | undefined;
  return output !== undefined && output !== null && output.omitted !== true;
}

/**
 * One job as the jobs list and the event stream show it, with its output: a finished job whose snapshot
 * carries none is read once from `GET /api/jobs/:id` (a finished job never changes).
 */
export function useLiveJob(projectId: string | undefined, jobId: string | null): JobSnapshot | undefined {
  const jobs = useJobs(projectId);
  const listed = jobId ? jobs.data?.find((job) => job.jobId === jobId) : undefined;
  const needsOutput = listed?.status === "succeeded" && !hasOutput(listed);
  const full = useQuery({
    queryKey: keys.job(jobId ?? ""),
    queryFn: async () => (await api<{ job: JobSnapshot }>(`/api/jobs/${jobId}`)).job,
    enabled: needsOutput,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return listed && needsOutput && full.data ? { ...listed, output: full.data.output } : listed;
}

export type CreditsSummary = { balance: number; transactions: CreditEntry[] };

export function useCredits() {
  return useQuery({
    queryKey: keys.credits,
    queryFn: () => optional<CreditsSummary>("/api/credits"),
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: keys.notifications,
    queryFn: async () => {
      const body = await optional<{ notifications: StudioNotification[]; unread: number }>(
        "/api/notifications",
      );
      return body ? body.notifications : null;
    },
  });
}
