/**
 * Runs at most `size` of the given tasks at once; the rest wait their turn in call order. The
 * households page asks each household's department for its bill: a resident with many
 * households must not fire them all at a department at once.
 */
export function limiter(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  const next = () => {
    running--;
    waiting.shift()?.();
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        running++;
        task().then(resolve, reject).finally(next);
      };
      if (running < size) start();
      else waiting.push(start);
    });
}
