/**
 * The turns running in this process, so that "stop generating" can abort one explicitly. A dropped
 * connection is not a stop: the reply is still finished and stored.
 */
export class ActiveTurns {
  private readonly controllers = new Map<string, AbortController>();

  /** Records a turn of the thread as running; a newer turn of the same thread stops an older one. */
  register(threadKey: string, controller: AbortController): void {
    const previous = this.controllers.get(threadKey);
    if (previous && previous !== controller) previous.abort();
    this.controllers.set(threadKey, controller);
  }

  end(threadKey: string, controller: AbortController): void {
    if (this.controllers.get(threadKey) === controller) this.controllers.delete(threadKey);
  }

  /** Aborts the thread's running turn; false when none was running here. */
  stop(threadKey: string): boolean {
    const controller = this.controllers.get(threadKey);
    if (!controller) return false;
    controller.abort();
    this.controllers.delete(threadKey);
    return true;
  }
}
