import { useState } from 'react';
import { formatDateTime } from '@bianmin/core/format';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { TICKET_RATINGS, type TicketDetail, type TicketRating } from '@bianmin/core';
import { callFunction, toApiError } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Card, Choices, Field, FieldError, Fineprint, Notice, Page, PageBody, PageHeader, RemoteStatus, Row } from '../../../ui';
import { useRefusal } from '../../../components/availability-sheet/use-refusal';
import { countChars, ticketHeadline } from '../../shared/format';
import { agentUrl } from '../../flow';
import { DeadlineLine, TicketStatus } from '../../shared/ui';
import '../../shared/tickets.css';
import './index.css';

export default function TicketPage() {
  const { ticketId = '' } = useRouter().params;
  const refusal = useRefusal();
  const remote = useRemote(async () => (await callFunction('tickets', { action: 'ticket', ticketId })).ticket, { key: ticketId });
  const t = remote.data;
  const replace = (ticket: TicketDetail) => remote.update(() => ticket);

  return (
    <Page className='bm-tk-detail' overlay={refusal.sheet}>
      <PageHeader title={t ? `${t.kind} · ${t.category}` : '诉求详情'} subtitle={t ? (t.ticketNo ? `工单号 ${t.ticketNo}` : '工单号分配中') : undefined} />
      <PageBody>
        <RemoteStatus remote={remote} prefix='bm-tk-detail' errorTitle='这件诉求暂时打不开' loading={{ label: '正在加载诉求…', shape: 'cards', className: 'bm-tk-detail-loading' }} />
        {t ? (
          <>
            <Card className='bm-tk-detail-summary'>
              <View className='bm-tk-ticket__head'>
                <Text className='bm-tk-ticket__title bm-tk-detail-headline'>{ticketHeadline(t)}</Text>
                <TicketStatus status={t.status} />
              </View>
              {t.notice ? <Text className='bm-tk-ticket__notice'>{t.notice}</Text> : null}
              <DeadlineLine deadline={t.nextDeadline} />
              {t.nextDeadline ? <Fineprint>时限：{t.nextDeadline.rule}（工作时间为法定工作日 9:00–18:00）</Fineprint> : null}
              <Text className='bm-tk-text bm-tk-detail-description'>{t.description}</Text>
              {t.place ? <Row label='地点' value={t.place.name ? `${t.place.name}（${t.place.address}）` : t.place.address} /> : null}
              {t.contactPhoneMasked ? <Row label='联系电话' value={t.contactPhoneMasked} /> : null}
              <Row label='是否公开' value={t.public ? '公开' : '不公开'} />
              <Row label='提交时间' value={formatDateTime(t.filedAt)} />
              {t.department ? <Row label='承办部门' value={t.department} /> : null}
              {t.photos.length ? (
                <View className='bm-tk-photos bm-tk-detail-photos'>
                  {t.photos.map((p, i) => (
                    <Image
                      key={p.fileId}
                      className='bm-tk-photo__img bm-tk-photo'
                      src={p.url}
                      mode='aspectFill'
                      ariaLabel={`第 ${i + 1} 张照片，点按查看大图`}
                      onClick={() => void Taro.previewImage({ urls: t.photos.map((x) => x.url), current: p.url }).catch(() => undefined)}
                    />
                  ))}
                </View>
              ) : null}
              {t.video ? <Row label='视频' value='已附 1 段视频' /> : null}
            </Card>

            {t.awaitingRating ? <RateCard ticket={t} onDone={replace} onRefused={refusal.handle} /> : null}
            {t.rating ? (
              <Card title='我的评价' className='bm-tk-detail-rating'>
                <Row label='评价' value={t.rating.rating} />
                {t.rating.comment ? <Text className='bm-tk-text'>{t.rating.comment}</Text> : null}
                <Fineprint>{formatDateTime(t.rating.at)}</Fineprint>
              </Card>
            ) : null}
            <ReopenCard ticket={t} onDone={replace} onRefused={refusal.handle} />

            <Card title='办理记录' className='bm-tk-detail-timeline'>
              <View role='list' ariaRole='list'>
                {t.timeline.map((e, i) => (
                  <View key={`${e.at}-${i}`} className='bm-tk-timeline__item' role='listitem' ariaRole='listitem' data-type={e.type}>
                    <View className='bm-tk-timeline__dot' aria-hidden='true' />
                    <View className='bm-tk-timeline__head'>
                      <Text className='bm-tk-timeline__label'>{e.label}</Text>
                      <Text className='bm-tk-timeline__time'>{formatDateTime(e.at)}</Text>
                    </View>
                    {e.department ? <Text className='bm-tk-timeline__dept'>{e.department}</Text> : null}
                    {e.text ? <Text className='bm-tk-timeline__text'>{e.text}</Text> : null}
                  </View>
                ))}
              </View>
            </Card>

            <Button variant='secondary' className='bm-tk-detail-agent' onPress={() => void Taro.navigateTo({ url: agentUrl(t.ticketId) })} label='联系人工客服，就这件诉求'>
              联系人工客服
            </Button>
          </>
        ) : null}
      </PageBody>
    </Page>
  );
}


interface ActionCardProps {
  ticket: TicketDetail;
  onDone(t: TicketDetail): void;
  onRefused(e: unknown): boolean;
}

function RateCard({ ticket, onDone, onRefused }: ActionCardProps) {
  const [rating, setRating] = useState<TicketRating | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    if (!rating) {
      setError('请选择满意、基本满意或不满意');
      return;
    }
    try {
      const r = await callFunction('tickets', { action: 'rate', ticketId: ticket.ticketId, rating, ...(comment.trim() ? { comment } : {}) });
      onDone(r.ticket);
      void Taro.showToast({ title: '感谢评价', icon: 'success' });
    } catch (e) {
      if (onRefused(e)) return;
      const err = toApiError(e);
      setError(err.fields?.comment ?? err.fields?.rating ?? err.message);
    }
  };
  return (
    <Card title='评价办理结果' className='bm-tk-detail-rate'>
      <Choices<TicketRating>
        label='对办理结果是否满意'
        name='rating'
        className='bm-tk-detail-ratings'
        choices={TICKET_RATINGS.map((r) => ({ value: r, text: r }))}
        value={rating}
        onChange={(r) => {
          setRating(r);
          setError(null);
        }}
      />
      <Field label='评价内容（选填）' value={comment} maxlength={200} placeholder='说说办理得怎么样' inputClassName='bm-tk-detail-comment' onInput={setComment} />
      {error ? <FieldError text={error} /> : null}
      <View className='bm-tk-actions'>
        <Button className='bm-tk-detail-rate-submit' onPress={send}>
          提交评价
        </Button>
      </View>
    </Card>
  );
}

function ReopenCard({ ticket, onDone, onRefused }: ActionCardProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { reopen } = ticket;
  // Before any reply there is nothing to reopen: no card, the timeline says where it stands.
  if (!reopen.allowed && !reopen.until) return null;
  const send = async () => {
    try {
      const r = await callFunction('tickets', { action: 'reopen', ticketId: ticket.ticketId, reason });
      onDone(r.ticket);
      setOpen(false);
      void Taro.showToast({ title: '已申请重办', icon: 'success' });
    } catch (e) {
      if (onRefused(e)) return;
      const err = toApiError(e);
      setError(err.fields?.reason ?? err.message);
    }
  };
  return (
    <Card title='申请重办' className='bm-tk-detail-reopen'>
      {reopen.allowed ? (
        <>
          <Text className='bm-tk-text'>答复没有解决问题？{reopen.until ? `${formatDateTime(reopen.until)} 前` : ''}可以申请重办一次。</Text>
          {open ? (
            <Field
              label='重办理由'
              multiline
              value={reason}
              maxlength={500}
              placeholder='说明哪里没有解决（至少 5 个字）'
              error={error}
              count={{ text: `${countChars(reason)}/500`, ok: countChars(reason) >= 5 }}
              inputClassName='bm-tk-detail-reopen-reason'
              onInput={(v) => {
                setReason(v);
                setError(null);
              }}
            />
          ) : error ? (
            <FieldError text={error} />
          ) : null}
          <View className='bm-tk-actions'>
            {open ? (
              <Button variant='danger' className='bm-tk-detail-reopen-submit' onPress={send}>
                提交重办申请
              </Button>
            ) : (
              <Button variant='secondary' className='bm-tk-detail-reopen-open' onPress={() => setOpen(true)}>
                申请重办
              </Button>
            )}
          </View>
        </>
      ) : (
        <Notice tone='info' title='不能申请重办' className='bm-tk-detail-reopen-refused'>
          {reopen.reason ?? '现在不能申请重办'}
        </Notice>
      )}
    </Card>
  );
}
