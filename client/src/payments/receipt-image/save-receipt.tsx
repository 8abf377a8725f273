import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Notice } from '../../ui';
import { layoutReceipt, type ReceiptImage } from './layout';
import { ReceiptCanvas } from './receipt-canvas';
import { openAlbumSettings, SAVE_LABEL, type SaveOutcome, saveFailure, saveReceiptImage, SAVES_TO_ALBUM } from './save';

/**
 * 保存缴费凭证: the receipt as an image — saved to the album on weapp (with the way to allow it
 * when the permission was refused), downloaded as a PNG on h5. Any flow's receipt page passes its
 * receipt model; the drawing is shared.
 */
export function SaveReceiptImage({ image, fileName, className }: { image: ReceiptImage; fileName: string; className?: string }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const save = async () => {
    setOutcome(null);
    setBusy(true);
    try {
      setOutcome(await saveReceiptImage(layoutReceipt(image), fileName));
    } catch (e) {
      setOutcome(saveFailure(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className={`bm-receipt-image ${className ?? ''}`}>
      <Button className='bm-receipt-image__save' variant='secondary' busy={busy} onPress={save} label={SAVE_LABEL}>
        {SAVE_LABEL}
      </Button>
      {outcome?.kind === 'saved' ? (
        <Notice tone='info' title='已保存' className='bm-receipt-image__saved'>
          {outcome.message}
        </Notice>
      ) : null}
      {outcome?.kind === 'denied' ? (
        <Notice
          tone='warn'
          title='没能保存到相册'
          className='bm-receipt-image__denied'
          action={
            SAVES_TO_ALBUM && outcome.settings ? (
              <Button small className='bm-receipt-image__settings' onPress={() => void openAlbumSettings()}>
                去设置
              </Button>
            ) : undefined
          }
        >
          {outcome.message}
        </Notice>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <Notice tone='error' title='没有保存成功' className='bm-receipt-image__failed'>
          {outcome.message}
        </Notice>
      ) : null}
      <ReceiptCanvas />
    </View>
  );
}
