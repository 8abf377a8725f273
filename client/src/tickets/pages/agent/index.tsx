import { Text, View } from '@tarojs/components';
import { formatDateTime } from '@bianmin/core/format';
import Taro, { useRouter } from '@tarojs/taro';
import { callFunction } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Card, Notice, Page, PageBody, PageHeader, RemoteStatus } from '../../../ui';
import { DepartmentHotline } from '../../../components/department-hotline';
import { PATHS } from '../../flow';
import { agentClosedWords, CITY_HOTLINE } from '../../shared/format';
import { ContactButton } from './contact-button';
import '../../shared/tickets.css';
import './index.css';

/** 人工客服: open now (WeChat's conversation), or when agents are back and a consultation ticket instead. */
export default function Agent() {
  const { ticketId } = useRouter().params;
  const agent = useRemote(() => callFunction('tickets', { action: 'agent', ...(ticketId ? { ticketId } : {}) }), {
    key: ticketId ?? '',
    // The hours change on their own: look again when agents are due back or go home.
    refreshMs: (d) => (d ? 60_000 : null),
  });
  const a = agent.data;

  return (
    <Page className='bm-tk-agent'>
      <PageHeader title='人工客服' subtitle='12345 热线人工客服：法定工作日 9:00–18:00（含调休上班日）' />
      <PageBody>
        <RemoteStatus remote={agent} prefix='bm-tk-agent' errorTitle='人工客服状态暂时查不到' loading={{ label: '正在查询客服是否在岗…', className: 'bm-tk-agent-loading' }} />
        {a && a.open && a.contact ? (
          <Card title='客服在线' className='bm-tk-agent-open'>
            <Text className='bm-tk-text'>{a.message}</Text>
            {a.availability.state === 'closing_soon' ? (
              <Notice tone='warn' title='客服即将下班'>
                {a.availability.closesAt ? `${formatDateTime(a.availability.closesAt)} 下班，请尽快开始会话。` : '请尽快开始会话。'}
              </Notice>
            ) : null}
            <View className='bm-tk-actions'>
              <ContactButton contact={a.contact} label={a.contact.showMessageCard ? '就这件诉求联系客服' : '联系人工客服'} />
            </View>
          </Card>
        ) : null}
        {a && !a.open ? (
          <Card title='客服现在不在岗' className='bm-tk-agent-closed'>
            <Notice tone='closed' title={agentClosedWords(a).title} className='bm-tk-agent-back'>
              {agentClosedWords(a).text}
            </Notice>
            {a.offer ? (
              <View className='bm-tk-actions'>
                <Button className='bm-tk-agent-leave' onPress={() => void Taro.navigateTo({ url: a.offer!.path })} label='留下咨询，工作时间内答复'>
                  留下咨询
                </Button>
              </View>
            ) : null}
            <DepartmentHotline hotline={CITY_HOTLINE} className='bm-tk-agent-hotline' />
          </Card>
        ) : null}
        <Button variant='secondary' className='bm-tk-agent-mine' onPress={() => void Taro.navigateTo({ url: PATHS.mine })}>
          我的诉求
        </Button>
      </PageBody>
    </Page>
  );
}
