import Taro from '@tarojs/taro';
import { Button } from '../ui/button';
import { Notice } from '../ui/notice';
import type { WxFailure } from './refusal';
import './refusal-notice.css';

const TITLES: Record<Exclude<WxFailure['kind'], 'cancelled'>, string> = {
  privacy: '没有同意隐私保护指引',
  undeclared: '这项功能暂时用不了',
  denied: '没有权限',
  failed: '没有成功',
};

/**
 * What a refused privacy API means, where the resident tapped: the exact feature that does not
 * work, why, what to do instead, and — when WeChat's own settings page is the way back (a
 * permission refused before) — 去设置. Never shown for a cancel.
 */
export function RefusalNotice({ failure, className }: { failure: WxFailure | null; className?: string }) {
  if (!failure || failure.kind === 'cancelled') return null;
  const settings =
    failure.kind === 'denied' && failure.settings === 'mini-program' ? (
      <Button small className='bm-privacy-refusal__settings' onPress={() => Promise.resolve(Taro.openSetting({})).catch(() => undefined)} label='去设置，打开便民的权限'>
        去设置
      </Button>
    ) : undefined;
  return (
    <Notice tone={failure.kind === 'failed' ? 'error' : 'warn'} title={TITLES[failure.kind]} className={`bm-privacy-refusal bm-privacy-refusal--${failure.kind} ${className ?? ''}`} action={settings}>
      {failure.message}
    </Notice>
  );
}
