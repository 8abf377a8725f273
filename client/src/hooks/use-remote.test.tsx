import { act, renderHook } from '@testing-library/react';
import { lifecycle } from '../../jest/lifecycle';
import { ApiError } from '../api';
import { useRemote, type RemoteOptions } from './use-remote';

/** A fetcher whose answers the test hands out one by one, in any order. */
function deferredFetcher<T>() {
  const pending: Array<{ resolve(v: T): void; reject(e: unknown): void }> = [];
  const fetcher = jest.fn(() => new Promise<T>((resolve, reject) => pending.push({ resolve, reject })));
  return { fetcher, pending };
}

const failure = (message: string) => new ApiError({ code: 'DEPARTMENT_UNAVAILABLE', message, retryable: true });

async function settle(): Promise<void> {
  await act(async () => undefined);
}

function setup<T>(options: RemoteOptions<T> = {}) {
  const d = deferredFetcher<T>();
  const hook = renderHook((props: RemoteOptions<T>) => useRemote(d.fetcher, props), { initialProps: options });
  return { ...d, hook };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('useRemote', () => {
  it('loads on mount and shows the data', async () => {
    const { fetcher, pending, hook } = setup<string>();
    expect(hook.result.current.loading).toBe(true);
    expect(fetcher).toHaveBeenCalledTimes(1);
    await act(async () => pending[0].resolve('户号列表'));
    expect(hook.result.current).toMatchObject({ data: '户号列表', error: null, loading: false });
    expect(hook.result.current.asOf).toMatch(/\+08:00$/);
  });

  it('lets only the newest answer land when an older one arrives late', async () => {
    const { pending, hook } = setup<string>();
    await act(async () => void hook.result.current.reload());
    await act(async () => pending[1].resolve('新'));
    await act(async () => pending[0].resolve('旧'));
    expect(hook.result.current.data).toBe('新');
  });

  it('keeps the last data when a refresh fails, and says the refresh failed', async () => {
    const onError = jest.fn();
    const { pending, hook } = setup<string>({ onError, asOf: () => '2026-03-10T09:30:00+08:00' });
    await act(async () => pending[0].resolve('账单'));
    await act(async () => void hook.result.current.reload());
    await act(async () => pending[1].reject(failure('缴费单位暂时连不上')));
    expect(hook.result.current.data).toBe('账单');
    expect(hook.result.current.error?.message).toBe('缴费单位暂时连不上');
    expect(hook.result.current.asOf).toBe('2026-03-10T09:30:00+08:00');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'DEPARTMENT_UNAVAILABLE' }));
    // The next success clears the failure.
    await act(async () => void hook.result.current.reload());
    await act(async () => pending[2].resolve('新账单'));
    expect(hook.result.current).toMatchObject({ data: '新账单', error: null });
  });

  it('turns anything thrown into an ApiError a resident can read', async () => {
    const { pending, hook } = setup<string>();
    await act(async () => pending[0].reject(new TypeError('x is undefined')));
    expect(hook.result.current.error).toBeInstanceOf(ApiError);
    expect(hook.result.current.error?.message).not.toContain('undefined');
  });

  it('refreshes on its interval while shown, stops while hidden and loads again when shown', async () => {
    const { fetcher, pending, hook } = setup<number>({ refreshMs: 60_000 });
    await act(async () => pending[0].resolve(1));
    act(() => jest.advanceTimersByTime(60_000));
    expect(fetcher).toHaveBeenCalledTimes(2);
    await act(async () => pending[1].resolve(2));

    act(() => lifecycle.emit('hide'));
    act(() => jest.advanceTimersByTime(10 * 60_000));
    expect(fetcher).toHaveBeenCalledTimes(2);

    act(() => lifecycle.emit('show'));
    expect(fetcher).toHaveBeenCalledTimes(3);
    await act(async () => pending[2].resolve(3));
    expect(hook.result.current.data).toBe(3);
    act(() => jest.advanceTimersByTime(60_000));
    expect(fetcher).toHaveBeenCalledTimes(4);
    hook.unmount();
  });

  it('does not load twice on the first show, which the mount already covered', async () => {
    const { fetcher, hook } = setup<string>();
    act(() => lifecycle.emit('show'));
    expect(fetcher).toHaveBeenCalledTimes(1);
    hook.unmount();
  });

  it('asks the refresh plan after each answer, and stops when it says null', async () => {
    const plan = jest.fn((data: string | null) => (data === '已入账' ? null : 1500));
    const { fetcher, pending } = setup<string>({ refreshMs: plan });
    await act(async () => pending[0].resolve('待支付'));
    act(() => jest.advanceTimersByTime(1500));
    await act(async () => pending[1].resolve('已入账'));
    act(() => jest.advanceTimersByTime(60_000));
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(plan).toHaveBeenLastCalledWith('已入账', null);
  });

  it('reloads on pull-to-refresh and then stops the pull indicator', async () => {
    const stopped = jest.fn();
    const off = lifecycle.on('stopPullDownRefresh', stopped);
    const { fetcher, pending } = setup<string>();
    await act(async () => pending[0].resolve('a'));
    act(() => lifecycle.emit('pullDownRefresh'));
    expect(fetcher).toHaveBeenCalledTimes(2);
    await act(async () => pending[1].resolve('b'));
    await settle();
    expect(stopped).toHaveBeenCalled();
    off();
  });

  it('stops the pull indicator once, after the last of the page’s loads, however many hooks reload', async () => {
    const stopped = jest.fn();
    const off = lifecycle.on('stopPullDownRefresh', stopped);
    const a = setup<string>();
    const b = setup<number>();
    await act(async () => a.pending[0].resolve('服务'));
    await act(async () => b.pending[0].resolve(0));
    act(() => lifecycle.emit('pullDownRefresh'));
    expect(a.fetcher).toHaveBeenCalledTimes(2);
    expect(b.fetcher).toHaveBeenCalledTimes(2);
    await act(async () => b.pending[1].resolve(3));
    await settle();
    expect(stopped).not.toHaveBeenCalled();
    await act(async () => a.pending[1].reject(failure('超时')));
    await settle();
    expect(stopped).toHaveBeenCalledTimes(1);
    off();
  });

  it('fetches nothing while disabled, drops an answer that arrives after it was disabled, and fetches again when enabled', async () => {
    const { fetcher, pending, hook } = setup<string>({ enabled: false });
    expect(fetcher).not.toHaveBeenCalled();
    expect(hook.result.current.loading).toBe(false);
    hook.rerender({ enabled: true });
    expect(fetcher).toHaveBeenCalledTimes(1);
    hook.rerender({ enabled: false });
    await act(async () => pending[0].resolve('晚到的'));
    expect(hook.result.current.data).toBeNull();
    hook.rerender({ enabled: true });
    await act(async () => pending[1].resolve('新的'));
    expect(hook.result.current.data).toBe('新的');
  });

  it('fetches again when its key changes', async () => {
    const { fetcher, hook } = setup<string>({ key: 'a' });
    hook.rerender({ key: 'b' });
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('changes the data in place without fetching', async () => {
    const { fetcher, pending, hook } = setup<number[]>();
    await act(async () => pending[0].resolve([1, 2, 3]));
    act(() => hook.result.current.update((list) => list.filter((n) => n !== 2)));
    expect(hook.result.current.data).toEqual([1, 3]);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('lets no answer land after the page is closed', async () => {
    const { pending, hook } = setup<string>({ refreshMs: 1000 });
    const last = hook.result.current;
    hook.unmount();
    await act(async () => pending[0].resolve('迟到'));
    expect(last.data).toBeNull();
    expect(jest.getTimerCount()).toBe(0);
  });
});
