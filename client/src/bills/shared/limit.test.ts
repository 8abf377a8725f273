import { limiter } from './limit';

function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('limiter', () => {
  it('runs at most three at once and starts the next as one finishes, in call order', async () => {
    const run = limiter(3);
    const jobs = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    const all = jobs.map((j, i) =>
      run(() => {
        started.push(i);
        return j.promise;
      }),
    );
    expect(started).toEqual([0, 1, 2]);
    jobs[1]!.resolve();
    await all[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2, 3]);
    jobs[0]!.reject(new Error('部门超时'));
    await expect(all[0]).rejects.toThrow('部门超时');
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });
});
