/**
 * The in-process nudge: a publish or revise that has committed outbox rows wakes the dispatchers
 * of this process at once instead of leaving the rows to their next poll. Other replicas find the
 * rows on their own poll; a nudge nobody listens to is harmless.
 */
const listeners = new Set<() => void>();

export function onDisseminationNudge(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function nudgeDissemination(): void {
  for (const listener of listeners) listener();
}
