import { Text, View } from '@tarojs/components';
import { cx } from '../../ui';
import { hotlineLabel, type DepartmentHotlineProps } from './types';
import './index.css';

export type { DepartmentHotlineProps } from './types';

/** h5: the same row as weapp's, with a real `tel:` link (a phone's browser dials it; a desktop offers its call app). */
export function DepartmentHotline({ provider, className }: DepartmentHotlineProps) {
  return (
    <View className={cx('department-hotline', className)} data-tel={provider.hotline.tel}>
      <Text className='department-hotline__text'>
        {provider.hotline.name} {provider.hotline.number}
      </Text>
      <a
        className='bm-button bm-button--secondary bm-button--small bm-focusable department-hotline__call'
        href={`tel:${provider.hotline.tel}`}
        aria-label={hotlineLabel(provider)}
      >
        拨打 {provider.hotline.number}
      </a>
    </View>
  );
}
