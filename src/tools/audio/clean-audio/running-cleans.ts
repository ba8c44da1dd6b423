/**
 * The cleans running in this process, by job id, so cancelling a job stops its decode, channel
 * workers and ffmpeg at once instead of at the next step boundary. A job cancelled from another
 * process still stops at its next step (the executor's own check).
 */
const running = new Map<string, Set<AbortController>>();

/** Runs `work` with a signal that `abortCleans(jobId)` fires. */
export async function withCleanSignal<Result>(
  jobId: string,
  work: (signal: AbortSignal) => Promise<Result>,
): Promise<Result> {
  const controller = new AbortController();
  const controllers = running.get(jobId) ?? new Set<AbortController>();
  controllers.add(controller);
  running.set(jobId, controllers);
  try {
    return await work(controller.signal);
  } finally {
    controllers.delete(controller);
    if (controllers.size === 0) running.delete(jobId);
  }
}

/** Aborts every clean of the job running in this process; true when there was one. */
export function abortCleans(jobId: string): boolean {
  const controllers = running.get(jobId);
  if (!controllers) return false;
  for (const controller of controllers)
    controller.abort(new DOMException("The clean-audio job was cancelled.", "AbortError"));
  return true;
}
