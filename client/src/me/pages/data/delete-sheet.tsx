import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { DeletePlan, DeleteResult } from '@bianmin/core';
import { formatDateTime } from '@bianmin/core/format';
import { callFunction, toApiError } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Field, Fineprint, Notice, RemoteStatus, Sheet } from '../../../ui';
import { confirms } from './format';

/**
 * 删除我的数据, the second look: the plan the server counted (what is erased, what the law keeps and
 * why, what stays open at 12345), anything that blocks it now, and the typed word. Nothing is
 * erased until 永久删除 is pressed with the word; a wrong word is said under the field.
 */
export function DeleteSheet({ visible, onClose, onDeleted }: { visible: boolean; onClose(): void; onDeleted(r: DeleteResult): void }) {
  const plan = useRemote(() => callFunction('me', { action: 'deletePlan' }), { enabled: visible, key: String(visible), pullDown: false });
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const p: DeletePlan | null = plan.data;
  const blocked = Boolean(p && p.blockedBy.length > 0);

  const close = () => {
    setTyped('');
    setProblem(null);
    onClose();
  };

  const erase = async () => {
    if (!p) return;
    if (blocked) {
      setProblem('还有进行中的订单，完成后才能删除。');
      return;
    }
    if (!confirms(typed, p.confirmWord)) {
      setProblem(`请输入「${p.confirmWord}」两个字确认`);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const result = await callFunction('me', { action: 'delete', confirmToken: p.confirmToken, confirmWord: typed });
      setTyped('');
      onDeleted(result);
    } catch (e) {
      const err = toApiError(e);
      setProblem(err.fields?.confirmWord ?? err.message);
      // An expired or used confirmation: a fresh plan, so the next press can work.
      if (err.code === 'CONFLICT' || err.code === 'NOT_FOUND') void plan.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Sheet
      visible={visible}
      title='删除我的数据'
      className='bm-me-delete-sheet'
      busy={busy}
      onClose={close}
      stacked
      footnote={p ? <Fineprint>{`删除后无法恢复。确认在 ${formatDateTime(p.expiresAt)} 前有效。`}</Fineprint> : null}
      actions={
        <>
          <Button variant='danger' className='bm-sheet__main bm-me-delete-sheet__confirm' onPress={erase} busy={busy} disabled={!p || blocked} label={busy ? '正在删除' : '永久删除我的数据'}>
            {busy ? '正在删除…' : '永久删除'}
          </Button>
          <Button variant='plain' className='bm-me-delete-sheet__cancel' onPress={close} busy={busy} label='取消，不删除'>
            取消
          </Button>
        </>
      }
    >
      <RemoteStatus remote={plan} prefix='bm-me-delete-sheet' errorTitle='删除说明暂时打不开' loading={{ label: '正在清点你的数据…', className: 'bm-me-delete-sheet-loading' }} />
      {p ? (
        <View className='bm-me-delete-sheet__plan'>
          {blocked ? (
            <Notice tone='error' title='现在还不能删除' className='bm-me-delete-sheet__blocked'>
              {p.blockedBy.map((b) => `${b.what}${b.until ? `（最迟 ${formatDateTime(b.until)} 自动关闭）` : ''}。`).join('')}
            </Notice>
          ) : null}
          <Text className='bm-me-delete-sheet__heading'>将永久删除</Text>
          {p.erase.length ? (
            <View className='bm-me-delete-sheet__list bm-me-delete-sheet__erase'>
              {p.erase.map((e) => (
                <Text key={e.key} className='bm-me-delete-sheet__item'>{`${e.title}：${e.count} 条`}</Text>
              ))}
            </View>
          ) : (
            <Text className='bm-me-delete-sheet__item'>便民没有保存你的其他数据。</Text>
          )}
          {p.keep.length ? (
            <>
              <Text className='bm-me-delete-sheet__heading'>依法保留（不含姓名和 openid）</Text>
              <View className='bm-me-delete-sheet__list bm-me-delete-sheet__keep'>
                {p.keep.map((k) => (
                  <Text key={k.key} className='bm-me-delete-sheet__item'>{`${k.title}：${k.count} 条。${k.why}`}</Text>
                ))}
              </View>
            </>
          ) : null}
          {p.notes.map((n) => (
            <Notice key={n} tone='info' title='请注意' className='bm-me-delete-sheet__note'>
              {n}
            </Notice>
          ))}
          <Field
            label={`输入「${p.confirmWord}」确认`}
            value={typed}
            maxlength={10}
            placeholder={p.confirmWord}
            error={problem}
            inputClassName='bm-me-delete-sheet__word'
            errorClassName='bm-me-delete-sheet__error'
            onInput={(v) => {
              setTyped(v);
              setProblem(null);
            }}
            onConfirm={() => void erase()}
          />
        </View>
      ) : null}
    </Sheet>
  );
}
