/**
 * The page lifecycle in component tests: `lifecycle.emit('show')` is the page coming back,
 * 'hide' another page on top, 'unload' the page closed, 'pullDownRefresh' the resident pulling.
 */
type Name = 'show' | 'hide' | 'unload' | 'pullDownRefresh' | 'launch' | 'ready' | 'stopPullDownRefresh';

const listeners = new Map<Name, Set<() => void>>();

export const lifecycle = {
  /** What `useRouter().params` answers. */
  params: {} as Record<string, string>,
  on(name: Name, fn: () => void): () => void {
    const set = listeners.get(name) ?? new Set();
    listeners.set(name, set);
    set.add(fn);
    return () => set.delete(fn);
  },
  emit(name: Name): void {
    for (const fn of [...(listeners.get(name) ?? [])]) fn();
  },
  count(name: Name): number {
    return listeners.get(name)?.size ?? 0;
  },
};
