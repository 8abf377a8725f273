import { useState } from 'react';
import { formatDateTime } from '@bianmin/core/format';
import { Text, View } from '@tarojs/components';
import type { AccessLogEntry, Availability } from '@bianmin/core';
import { callFunction } from '../../../api';
import { AvailabilitySheet } from '../../../components/availability-sheet';
import { refusalOf } from '../../../components/availability-sheet/use-refusal';
import { Card, Fineprint, Page, PageBody, PageHeader, StateView } from '../../../ui';
import { accessSource } from '../../shared/format';
import { PATHS } from '../../flow';
import { useInsuranceRemote } from '../../shared/use-insurance';
import { InsuranceRemoteStatus } from '../../shared/ui';
import '../../shared/insurance.css';
import './index.css';

/** PIPL: the person can see every read of their insurance data (a year of them), from any account verified as them. */
export default function AccessLogPage() {
  const remote = useInsuranceRemote(() => callFunction('insurance', { action: 'accessLog' }), { returnTo: PATHS.access });
  const [hours, setHours] = useState<Availability | null>(null);
  const entries = remote.data?.entries;

  return (
    <Page className='bm-ins-access' overlay={hours ? <AvailabilitySheet availability={hours} serviceId='insurance.query' visible onClose={() => setHours(null)} /> : null}>
      <PageHeader title='查询记录' subtitle='每一次查看您社保信息的时间、内容和所用认证，保留一年' />
      <PageBody>
        <InsuranceRemoteStatus remote={remote} prefix='bm-ins-access' errorTitle='查询记录暂时打不开' loading='正在加载查询记录…' onHours={() => setHours(refusalOf(remote.error))} />
        {entries && entries.length === 0 ? (
          <StateView kind='empty' icon='✓' className='bm-ins-access-empty' title='还没有查询记录' text='一年内没有人查看过您的社保信息。以后每次查看都会记在这里。' />
        ) : null}
        {entries && entries.length > 0 ? (
          <Card className='bm-ins-access__list'>
            {entries.map((e, i) => (
              <Entry key={`${e.at}-${i}`} entry={e} />
            ))}
          </Card>
        ) : null}
        {entries && entries.some((e) => !e.thisAccount) ? (
          <Fineprint className='bm-ins-access__other'>“其他微信号”是用您的身份在另一个微信号上完成认证后的查看。如果不是您本人，请拨打 12333 并尽快修改相关账户。</Fineprint>
        ) : null}
      </PageBody>
    </Page>
  );
}

function Entry({ entry: e }: { entry: AccessLogEntry }) {
  return (
    <View className={`bm-ins-entry ${e.thisAccount ? '' : 'bm-ins-entry--other'}`} data-action={e.action} ariaLabel={`${formatDateTime(e.at)}，${e.description}，${accessSource(e)}`}>
      <Text className='bm-ins-entry__at'>{formatDateTime(e.at)}</Text>
      <Text className='bm-ins-entry__what'>{e.description}</Text>
      <Text className='bm-ins-entry__source'>{accessSource(e)}</Text>
    </View>
  );
}
