import { Text } from '@tarojs/components';
import { Button } from '../../ui/button';
import { Sheet } from '../../ui/sheet';

/** What a service that is not live says when tapped: that it is coming, and what works today. */
export function ComingSoonSheet({ name, liveNames, onClose }: { name: string | null; liveNames: string[]; onClose(): void }) {
  return (
    <Sheet
      visible={name !== null}
      title={`${name ?? ''} · 即将上线`}
      className='bm-hub-coming-soon-sheet'
      onClose={onClose}
      actions={
        <Button className='bm-hub-coming-soon-sheet__close' onPress={onClose}>
          知道了
        </Button>
      }
    >
      <Text className='bm-hub-coming-soon-sheet__text'>
        {name}正在接入，上线后可以在这里直接办理。{liveNames.length > 0 ? `现在可以办理：${liveNames.join('、')}。` : ''}
      </Text>
    </Sheet>
  );
}
