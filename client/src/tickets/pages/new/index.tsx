import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { TICKET_KINDS, type TicketCategory, type TicketKind } from '@bianmin/core';
import { callFunction } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Card, Choices, Field, FieldError, Fineprint, Notice, Page, PageBody, PageHeader, pressable, RemoteStatus, Row, StateView } from '../../../ui';
import { useRefusal } from '../../../components/availability-sheet/use-refusal';
import { charHint, formatDuration, maskPhone } from '../../shared/format';
import { detailUrl, PATHS } from '../../flow';
import { withConsent } from '../../../privacy/gate';
import { type WxFailure, wxFailure } from '../../../privacy/refusal';
import { RefusalNotice } from '../../../privacy/refusal-notice';
import { SubscribePrompt } from '../../shared/subscribe-prompt';
import { useTicketForm } from './use-ticket-form';
import '../../shared/tickets.css';
import './index.css';

const isKind = (k: unknown): k is TicketKind => (TICKET_KINDS as readonly unknown[]).includes(k);

/** How the resident will hear about the answer, by what they told WeChat's prompt when filing. */
const NOTIFY = {
  accept: '12345 答复后会通过微信服务通知告诉你，办理进度也都在“消息”里。',
  other: '办理进度都会在“消息”里告诉你。',
} as const;

/** What 已保存 means, in the words the issue promises the resident. */
const SAVED = '已保存，平台恢复后自动提交';

export default function NewTicket() {
  const router = useRouter();
  const kindParam = router.params.kind ? decodeURIComponent(router.params.kind) : null;
  const form = useTicketForm(isKind(kindParam) ? kindParam : null);
  const refusal = useRefusal();
  const cats = useRemote(() => callFunction('tickets', { action: 'categories' }), { pullDown: false });
  const { draft, errors, uploads } = form;
  const limits = cats.data?.description ?? { min: 10, max: 1000 };
  const maxPhotos = cats.data?.maxPhotos ?? 9;
  const maxVideo = cats.data?.maxVideoSeconds ?? 60;
  const rule = cats.data?.categories.find((c) => c.category === draft.category) ?? null;
  const count = charHint(draft.description, limits);
  const [phoneEditing, setPhoneEditing] = useState(false);
  const [placeRefused, setPlaceRefused] = useState<WxFailure | null>(null);

  if (form.outcome) {
    const { ticket, saved, subscription } = form.outcome;
    return (
      <Page className='bm-tk-new'>
        <PageHeader title={saved ? SAVED : '提交成功'} subtitle={saved ? '12345 平台暂时连不上，诉求已保存在便民，平台恢复后会自动提交，不会重复。' : `工单号 ${ticket.ticketNo ?? '分配中'}`} />
        <PageBody>
          <StateView
            kind='empty'
            className='bm-tk-new-done'
            icon='✓'
            title={saved ? SAVED : '诉求已提交到 12345'}
            text={`${ticket.nextDeadline ? `${ticket.nextDeadline.rule}。` : ''}可在“我的诉求”里查看办理进度。${NOTIFY[subscription === 'accept' ? 'accept' : 'other']}`}
            action={
              <Button className='bm-tk-new-open' onPress={() => void Taro.redirectTo({ url: detailUrl(ticket.ticketId) })} label='查看办理进度，这件诉求的'>
                查看办理进度
              </Button>
            }
          />
        </PageBody>
      </Page>
    );
  }

  return (
    <Page
      className='bm-tk-new'
      overlay={
        <>
          {refusal.sheet}
          <SubscribePrompt />
        </>
      }
    >
      <PageHeader title='12345 诉求' subtitle='投诉、咨询、建议、求助、表扬，由 12345 热线转交承办部门并限时答复' />
      <PageBody>
        {form.restored ? (
          <Notice tone='info' title='已恢复上次未提交的草稿' action={<Button small variant='plain' className='bm-tk-new-discard' onPress={form.discard} label='清空草稿重新填写'>清空草稿</Button>}>
            照片和填写的内容都还在，可以继续填写后提交。
          </Notice>
        ) : null}
        <RemoteStatus remote={cats} prefix='bm-tk-new' errorTitle='诉求分类暂时打不开' loading={{ label: '正在加载诉求分类…', className: 'bm-tk-new-loading' }} />

        <Card title='诉求类型' className='bm-tk-new-kind'>
          <Choices<TicketKind>
            label='诉求类型'
            name='kind'
            className='bm-tk-new-kinds'
            choices={TICKET_KINDS.map((k) => {
              const allowed = !rule || rule.kinds.includes(k);
              return { value: k, text: k, muted: !allowed, spoken: allowed ? undefined : `“${draft.category}”类不受理${k}` };
            })}
            value={draft.kind}
            onChange={(k) => form.change({ kind: k, urgent: draft.urgent && (k === '投诉' || k === '求助') }, 'kind')}
          />
          {errors.kind ? <FieldError text={errors.kind} /> : null}
          {draft.kind && cats.data ? <Fineprint>时限：{cats.data.limits[draft.urgent ? 'urgent' : draft.kind]}</Fineprint> : null}
        </Card>

        <Card title='诉求分类' className='bm-tk-new-category'>
          <Choices<TicketCategory>
            label='诉求分类'
            name='category'
            className='bm-tk-new-categories'
            choices={(cats.data?.categories ?? []).map((c) => ({ value: c.category, text: c.category, spoken: c.hint }))}
            value={draft.category}
            onChange={pickCategory}
          />
          {rule ? <Fineprint>{rule.hint}。可提交：{rule.kinds.join('、')}</Fineprint> : null}
          {errors.category ? <FieldError text={errors.category} /> : null}
          {draft.kind && rule && !rule.kinds.includes(draft.kind) ? <FieldError text={`“${rule.category}”类可提交：${rule.kinds.join('、')}，请换一个类型`} /> : null}
          {draft.kind === '投诉' || draft.kind === '求助' ? (
            <View
              className={`bm-choice bm-focusable bm-tk-new-urgent ${draft.urgent ? 'bm-choice--on' : ''}`}
              {...pressable(() => form.change({ urgent: !draft.urgent }, 'urgent'), { role: 'checkbox' })}
              aria-checked={draft.urgent}
              ariaLabel='紧急（停水停电停气、安全隐患），24 小时内答复'
              hoverClass='bm-choice--pressed'
            >
              <Text aria-hidden='true'>{draft.urgent ? '☑ ' : '☐ '}</Text>
              <Text>紧急（停水停电停气、安全隐患）</Text>
            </View>
          ) : null}
        </Card>

        <Card className='bm-tk-new-description'>
          <Field
            label='问题描述'
            multiline
            value={draft.description}
            maxlength={limits.max + 200}
            placeholder='发生了什么、在哪里、从什么时候开始、希望怎样解决'
            error={errors.description}
            count={{ text: count.text, ok: count.ok }}
            inputClassName='bm-tk-new-text'
            onInput={(v) => form.change({ description: v }, 'description')}
          />
        </Card>

        <Card title={`照片和视频（选填，最多 ${maxPhotos} 张照片、1 段 ${maxVideo} 秒内视频）`} className='bm-tk-new-media'>
          <View className='bm-tk-photos'>
            {draft.photos.map((p, i) => (
              <View key={p.fileId} className='bm-tk-photo bm-tk-new-photo' data-file-id={p.fileId}>
                <Image className='bm-tk-photo__img' src={p.preview} mode='aspectFill' ariaLabel={`第 ${i + 1} 张照片，点按查看大图`} onClick={() => previewPhoto(p.preview)} />
                <Button small variant='plain' className='bm-tk-new-photo-remove' onPress={() => form.removePhoto(p.fileId)} label={`删除，第 ${i + 1} 张照片`}>
                  删除
                </Button>
              </View>
            ))}
            {uploads.map((u) => (
              <View key={u.key} className='bm-tk-photo bm-tk-new-upload' data-state={u.error ? 'failed' : 'uploading'}>
                {u.what === 'photo' ? <Image className='bm-tk-photo__img' src={u.preview} mode='aspectFill' ariaLabel='正在上传的照片' /> : <View className='bm-tk-photo__add'>视频</View>}
                <View className={`bm-tk-photo__state ${u.error ? 'bm-tk-photo__state--bad' : ''}`} role='status' ariaRole='status'>
                  {u.error ? `上传失败：${u.error}` : `上传中 ${Math.round(u.progress)}%`}
                </View>
                {u.error ? (
                  <View className='bm-tk-new-upload-actions'>
                    <Button small variant='secondary' onPress={() => form.retryUpload(u)} label='重试，重新上传这张'>
                      重试
                    </Button>
                    <Button small variant='plain' onPress={() => form.dropUpload(u.key)} label='删除，不要这张了'>
                      删除
                    </Button>
                  </View>
                ) : null}
              </View>
            ))}
            {draft.photos.length + uploads.filter((u) => u.what === 'photo').length < maxPhotos ? (
              <View className='bm-tk-photo__add bm-focusable bm-tk-new-add-photo' {...pressable(() => void form.addPhotos(maxPhotos))} ariaLabel='添加照片' hoverClass='bm-pressed'>
                <Text aria-hidden='true'>＋</Text>
                <Text>添加照片</Text>
              </View>
            ) : null}
          </View>
          {errors.photos ? <FieldError text={errors.photos} /> : null}
          {draft.video ? (
            <View className='bm-tk-new-video'>
              <Row label='视频' value={`已上传${draft.video.seconds ? `（${formatDuration(draft.video.seconds)}）` : ''}`} />
              <Button small variant='plain' onPress={() => form.change({ video: null }, 'video')} label='删除，这段视频'>
                删除
              </Button>
            </View>
          ) : uploads.some((u) => u.what === 'video') ? null : (
            <Button small variant='secondary' className='bm-tk-new-add-video' onPress={() => form.addVideo(maxVideo)}>
              添加视频（{maxVideo} 秒内）
            </Button>
          )}
          {errors.video ? <FieldError text={errors.video} /> : null}
          <RefusalNotice failure={form.refused} className='bm-tk-new-media-refused' />
        </Card>

        <Card className='bm-tk-new-place'>
          <Field
            label='地点（选填）'
            value={draft.placeText}
            maxlength={120}
            placeholder='例如：景田北路 18 号门口'
            error={errors.place}
            hint='写清楚位置，承办部门能更快找到现场'
            inputClassName='bm-tk-new-place-text'
            onInput={(v) => form.change({ placeText: v, place: draft.place && v ? draft.place : null }, 'place')}
            accessory={
              process.env.TARO_ENV === 'weapp' ? (
                <Button small variant='secondary' className='bm-tk-new-locate' onPress={() => choosePlace()}>
                  在地图上选
                </Button>
              ) : undefined
            }
          />
          <RefusalNotice failure={placeRefused} className='bm-tk-new-place-refused' />
        </Card>

        <Card title='联系方式（选填）' className='bm-tk-new-contact'>
          {draft.contactPhone && !phoneEditing && !errors.contactPhone ? (
            <View className='bm-tk-new-phone-saved'>
              <Row label='手机号' value={maskPhone(draft.contactPhone)} className='bm-tk-new-phone-masked' />
              <Button small variant='plain' onPress={() => setPhoneEditing(true)} label='修改，联系电话'>
                修改
              </Button>
            </View>
          ) : (
            <Field
              label='手机号'
              keyboard='tel'
              autoComplete='tel'
              value={draft.contactPhone}
              maxlength={13}
              placeholder='11 位手机号，部门可能回电核实'
              error={errors.contactPhone}
              hint='只给承办部门看，页面上只显示前三位和后四位'
              inputClassName='bm-tk-new-phone'
              onInput={(v) => form.change({ contactPhone: v }, 'contactPhone')}
              onBlur={() => setPhoneEditing(false)}
            />
          )}
          <Choices<boolean>
            label='是否公开'
            name='public'
            className='bm-tk-new-public'
            choices={[
              { value: false, text: '不公开' },
              { value: true, text: '公开（隐去个人信息）' },
            ]}
            value={draft.public}
            onChange={(v) => form.change({ public: v }, 'public')}
          />
        </Card>

        {errors.form ? (
          <Notice tone='error' title='没有提交成功'>
            {errors.form}
          </Notice>
        ) : null}
        <View className='bm-tk-actions'>
          <Button className='bm-tk-new-submit' onPress={() => form.submit(cats.data, refusal.handle)}>
            提交诉求
          </Button>
          <Button variant='secondary' className='bm-tk-new-mine' onPress={() => void Taro.navigateTo({ url: PATHS.mine })}>
            我的诉求
          </Button>
        </View>
        <Fineprint>草稿保存在本机，离开页面也不会丢；提交成功后自动清除。重复点按只会提交一次。</Fineprint>
      </PageBody>
    </Page>
  );

  function pickCategory(category: TicketCategory) {
    form.change({ category }, 'category');
  }

  async function choosePlace() {
    setPlaceRefused(null);
    try {
      const r = await withConsent('chooseLocation', () => Taro.chooseLocation({}));
      form.change({ place: { name: r.name || undefined, address: r.address || r.name, latitude: r.latitude, longitude: r.longitude }, placeText: r.address || r.name }, 'place');
    } catch (e) {
      // Typing the place still works; a refusal says so, a cancel says nothing.
      setPlaceRefused(wxFailure(e, 'chooseLocation'));
    }
  }
}

function previewPhoto(url: string) {
  void Taro.previewImage({ urls: [url], current: url }).catch(() => undefined);
}

