import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Text, View } from '@tarojs/components';
import {
  getDevNow,
  getDevOpenId,
  loadDemoResidents,
  loadStackClock,
  maskName,
  setStackClock,
  setDevOpenId,
  ensureDevOpenId,
  type DemoResident,
} from '../../api/dev-session';
import { pressable } from '../../ui/press';
import type { DevPanelProps } from './types';
import './index.css';

export type { DevPanelProps } from './types';

/**
 * h5 only (the local stack): choose which demo resident the gateway treats as the caller, and
 * optionally move the whole stack's clock (jobs and sandboxes too), e.g. to 23:45 to see the
 * electricity settlement pause; it runs on in real time from there. A clock this page was opened
 * with (`dev_now`, frozen, for tests) is shown until the control is used.
 * Native <select>/<input> keep it keyboard-, screen-reader- and test-friendly.
 */
export function DevPanel({ onChange }: DevPanelProps) {
  const [residents, setResidents] = useState<DemoResident[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [openid, setOpenid] = useState(getDevOpenId() ?? '');
  const [now, setNow] = useState(toLocalInput(getDevNow()));
  const [clockError, setClockError] = useState<string | null>(null);
  // Whether the time shown is the whole stack's (set here or by DEV_NOW), not this page's own frozen one.
  const [stackWide, setStackWide] = useState(false);
  // The residents load once; whoever renders the panel may pass a new onChange each time.
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    let live = true;
    loadDemoResidents()
      .then(async (list) => {
        if (!live) return;
        setResidents(list);
        const stored = getDevOpenId();
        if (!stored || !list.some((r) => r.openid === stored)) {
          // Default to the first resident; a stale choice (fixtures reseeded) is replaced too.
          setDevOpenId(list[0]?.openid ?? null);
          setOpenid(list[0]?.openid ?? '');
          if (stored !== (list[0]?.openid ?? null)) changed.current();
        } else {
          setOpenid(stored);
        }
      })
      .catch(() => live && setFailed(true));
    // The stack's clock, unless this page has a frozen one of its own.
    loadStackClock()
      .then((c) => {
        if (live && !getDevNow()) {
          setNow(c.setTo ? toLocalInput(c.now) : '');
          setStackWide(c.setTo !== null);
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const choose = (e: ChangeEvent<HTMLSelectElement>) => {
    setOpenid(e.target.value);
    setDevOpenId(e.target.value);
    onChange();
  };

  const moveClock = (value: string) => {
    setNow(value);
    setClockError(null);
    setStackClock(value ? `${value}:00+08:00` : null)
      .then((c) => {
        setStackWide(c.setTo !== null);
        changed.current();
      })
      .catch((err: unknown) => setClockError(err instanceof Error ? err.message : '没能设置模拟时间。'));
  };

  const pinClock = (e: ChangeEvent<HTMLInputElement>) => moveClock(e.target.value);

  const clearClock = () => moveClock('');

  return (
    <View className='bm-dev-panel' ariaLabel='开发演示设置'>
      <View className='bm-dev-panel__row'>
        <Text className='bm-dev-panel__label'>演示居民</Text>
        {residents ? (
          <select className='bm-resident-picker' aria-label='选择演示居民' value={openid} onChange={choose}>
            {residents.map((r) => (
              <option key={r.openid} value={r.openid}>
                {maskName(r.name)}
              </option>
            ))}
          </select>
        ) : (
          <Text className='bm-dev-panel__hint'>{failed ? '本地网关未连接' : '加载中…'}</Text>
        )}
      </View>
      <View className='bm-dev-panel__row'>
        <Text className='bm-dev-panel__label'>模拟时间</Text>
        <input className='bm-dev-clock' type='datetime-local' aria-label='模拟北京时间（留空为实时）' value={now} onChange={pinClock} />
        {now ? (
          <View className='bm-dev-panel__link bm-focusable' {...pressable(clearClock)} ariaLabel='恢复实时'>
            实时
          </View>
        ) : null}
      </View>
      {clockError ? (
        <View className='bm-dev-panel__note' role='alert' ariaRole='alert'>
          <Text className='bm-dev-panel__hint'>{clockError}</Text>
        </View>
      ) : now && stackWide ? (
        <View className='bm-dev-panel__note'>
          <Text className='bm-dev-panel__hint'>整个本地环境（后台任务、各部门沙箱）都按这个时间运行，并随实时走动</Text>
        </View>
      ) : null}
    </View>
  );
}

/** `2026-03-10T23:45:00+08:00` → `2026-03-10T23:45` (a datetime-local value, Shanghai wall time). */
function toLocalInput(iso: string | null): string {
  const m = iso ? /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})/.exec(iso) : null;
  return m ? m[1] : '';
}

// Touch the session early so the first services call already carries a resident.
void ensureDevOpenId();
