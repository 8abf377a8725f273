import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { DataSection, DeleteResult, MyDataExport } from '@bianmin/core';
import { formatDateTime } from '@bianmin/core/format';
import { callFunction, toApiError } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Card, Fineprint, Notice, Page, PageBody, PageHeader, RemoteStatus, Row, TextAction } from '../../../ui';
import { DeleteSheet } from './delete-sheet';
import { displayValue, exportFileName, exportFileText, recordCount, sectionsInOrder } from './format';
import { SAVE_HINT, SAVE_LABEL, saveExport } from './save';
import './index.css';

/**
 * 我的数据 (个人信息保护法 第 45、47 条): everything Bianmin holds about the resident, table by table
 * with why it is held, how long and what deletion does to it; the whole document to take away
 * (a download on h5, WeChat's send-a-file sheet on weapp); the account's record of exports and
 * deletions; and 删除我的数据 behind a sheet that says what is erased, what is kept and why.
 */
export default function MyData() {
  const remote = useRemote(() => callFunction('me', { action: 'export' }));
  const [deleting, setDeleting] = useState(false);
  const [deleted, setDeleted] = useState<DeleteResult | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const doc = remote.data;

  const save = async (d: MyDataExport) => {
    setSaveError(null);
    try {
      setSaved(await saveExport(exportFileText(d), exportFileName(d.exportedAt)));
    } catch (e) {
      // The resident closing WeChat's send sheet is a choice, not a failure.
      if (/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) return;
      setSaveError(toApiError(e).message || '数据文件没有生成，请稍后再试。');
    }
  };

  return (
    <Page
      className='bm-me-data'
      overlay={
        <DeleteSheet
          visible={deleting}
          onClose={() => setDeleting(false)}
          onDeleted={(r) => {
            setDeleting(false);
            setDeleted(r);
            void remote.reload();
          }}
        />
      }
    >
      <PageHeader title='我的数据' subtitle='便民保存的关于你的信息：查看、导出、删除' />
      <PageBody>
        {deleted ? (
          <Notice tone='info' title='你的数据已删除' className='bm-me-data__deleted'>
            {`${formatDateTime(deleted.deletedAt)} 删除了 ${deleted.erased.reduce((n, e) => n + e.count, 0)} 条记录。`}
            {deleted.kept.length ? `依法保留：${deleted.kept.map((k) => `${k.title} ${k.count} 条`).join('、')}（不含姓名和 openid）。` : ''}
            {deleted.notes.join('')}
          </Notice>
        ) : null}
        <RemoteStatus remote={remote} prefix='bm-me-data' errorTitle='你的数据暂时打不开' loading={{ label: '正在整理你的数据…', className: 'bm-me-data-loading' }} />
        {doc ? (
          <>
            <Card className='bm-me-data__summary'>
              <Text className='bm-me-data__total'>{recordCount(doc) ? `便民保存了关于你的 ${recordCount(doc)} 条记录` : '便民没有保存关于你的个人信息'}</Text>
              <Fineprint>{`整理于 ${formatDateTime(doc.exportedAt)}。下面按类别列出每一条，以及为什么保存、保存多久、删除时怎样处理。数据文件包含完整信息，请妥善保管。`}</Fineprint>
              <Button className='bm-me-data__save' onPress={() => save(doc)} label={SAVE_LABEL}>
                {SAVE_LABEL}
              </Button>
              <Fineprint>{SAVE_HINT}</Fineprint>
              {saved ? (
                <View className='bm-me-data__saved' role='status' ariaRole='status'>
                  {saved}
                </View>
              ) : null}
              {saveError ? (
                <Notice tone='error' title='没有导出成功' className='bm-me-data__save-failed'>
                  {saveError}
                </Notice>
              ) : null}
            </Card>

            {sectionsInOrder(doc.sections).map((s) => (
              <SectionCard key={s.key} section={s} />
            ))}

            {doc.audit.length ? (
              <Card title='账户记录' className='bm-me-data__audit'>
                {doc.audit.map((a, i) => (
                  <Row key={`${a.at}-${i}`} label={formatDateTime(a.at)} value={a.summary} />
                ))}
                <Fineprint>账户记录不含你的微信身份（openid），删除数据后仍保留 3 年，用来证明删除已经完成。</Fineprint>
              </Card>
            ) : null}

            <Card title='删除我的数据' className='bm-me-data__delete'>
              <Text className='bm-me-data__delete-text'>
                删除后，你绑定的户号、车辆、实名认证、诉求、消息和提醒都会清除，无法恢复。付过款的订单依法保留 30 年，但会去掉你的微信身份（openid），户号、号牌只留后四位。
              </Text>
              <Button variant='danger' className='bm-me-data__delete-open' onPress={() => setDeleting(true)} label='删除我的数据，先查看删除说明'>
                删除我的数据
              </Button>
            </Card>
          </>
        ) : null}
      </PageBody>
    </Page>
  );
}

/** One table's records: what it is and the rules first, the records themselves one tap away. */
function SectionCard({ section: s }: { section: DataSection }) {
  const [open, setOpen] = useState(false);
  const n = s.rows.length;
  return (
    <Card className={`bm-me-data-section ${n ? '' : 'bm-me-data-section--empty'}`}>
      <View className='bm-me-data-section__head' data-section={s.key}>
        <View className='bm-me-data-section__title' role='heading' ariaRole='heading' aria-level='2'>
          {s.title}
        </View>
        <Text className='bm-me-data-section__count'>{n ? `${n} 条` : '没有记录'}</Text>
      </View>
      <Text className='bm-me-data-section__about'>{s.about}</Text>
      <Row label='保存多久' value={s.retention} />
      <Row label='删除时' value={s.onDelete} />
      {n ? <TextAction className='bm-me-data-section__toggle' label={open ? `收起${s.title}` : `查看 ${n} 条${s.title}`} onPress={() => setOpen(!open)} /> : null}
      {open
        ? s.rows.map((r, i) => (
            <View key={i} className='bm-me-data-record'>
              {s.fields.map((f) => (
                <Row key={f.key} label={f.label} value={displayValue(r[f.key] ?? null)} token={typeof r[f.key] === 'string' && !/[\u4e00-\u9fff]/.test(String(r[f.key]))} />
              ))}
            </View>
          ))
        : null}
    </Card>
  );
}
