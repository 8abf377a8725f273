import { Text, View } from '@tarojs/components';
import type { BureauDataAge } from '@bianmin/core';
import { formatClock, formatDateTime } from '@bianmin/core/format';
import { Notice, RemoteStatus, StateView, TextAction } from '../../ui';
import type { ApiError } from '../../api';
import { refusalOf } from '../../components/availability-sheet/use-refusal';
import { dataUpToText } from './format';

/**
 * What a data page shows instead of (or above) its data: the closed state with its reopen time
 * when the service refused for its hours or its department, else the kit's loading / error /
 * failed-refresh rule. The verify redirect (VERIFICATION_REQUIRED) never reaches here as a state.
 */
export function InsuranceRemoteStatus({ remote, prefix, errorTitle, loading, onHours }: {
  remote: { data: unknown; error: ApiError | null; loading: boolean; asOf: string | null; reload(): unknown };
  prefix: string;
  errorTitle: string;
  loading: string;
  onHours(): void;
}) {
  const refused = remote.data == null ? refusalOf(remote.error) : null;
  if (refused) {
    const title = refused.state === 'down' ? '社保系统暂时连不上' : refused.state === 'maintenance' ? '社保查询系统维护中' : '社保查询暂停办理';
    return <StateView kind='closed' className={`${prefix}-closed bm-ins-closed`} title={title} message={refused.message} action={<TextAction label='查看办理时间' onPress={onHours} />} />;
  }
  if (remote.error?.code === 'VERIFICATION_REQUIRED') return <StateView kind='loading' label='正在前往实名认证…' className={`${prefix}-loading`} />;
  return <RemoteStatus remote={remote} prefix={prefix} errorTitle={errorTitle} loading={{ label: loading, className: `${prefix}-loading` }} />;
}

/** How fresh the bureau's data is: the month it is posted up to, when it was fetched, and a notice when it is a stale copy. */
export function DataAge({ age, className }: { age: BureauDataAge; className?: string }) {
  return (
    <>
      {age.stale ? (
        <Notice tone='stale' title='社保系统暂时连不上' className='bm-ins-stale'>
          {`以下是 ${formatDateTime(age.fetchedAt)} 查到的数据，可能不是最新。请稍后下拉刷新。`}
        </Notice>
      ) : null}
      <View className={`bm-ins-age ${className ?? ''}`}>
        <Text className='bm-ins-age__upto'>{dataUpToText(age.dataUpTo)}</Text>
        <Text className='bm-ins-age__fetched'>{`查询于 ${formatDateTime(age.fetchedAt)}${age.stale ? '（非最新）' : ''}`}</Text>
      </View>
    </>
  );
}

/** How long this verification still lets the resident read their data. */
export function VerificationLine({ expiresAt }: { expiresAt: string }) {
  return <Text className='bm-ins-verified'>{`已实名认证 · ${formatClock(expiresAt)} 前有效，之后需重新认证`}</Text>;
}
