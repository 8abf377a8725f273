import { Text, View } from '@tarojs/components';
import { cx } from '../../ui/press';
import { hotlineLabel, type DepartmentHotlineProps } from './types';
import './index.css';

export type { DepartmentHotlineProps } from './types';

/** h5: the same row as weapp's, with a real `tel:` link (a phone's browser dials it; a desktop offers its call app). */
export function DepartmentHotline({ hotline, className }: DepartmentHotlineProps) {
  return (
    <View className={cx('bm-department-hotline', className)} data-tel={hotline.tel}>
      <Text className='bm-department-hotline__text'>
        {hotline.name} {hotline.number}
      </Text>
      <a
        className='bm-button bm-button--secondary bm-button--small bm-focusable bm-department-hotline__call'
        href={`tel:${hotline.tel}`}
        aria-label={hotlineLabel(hotline)}
      >
        拨打 {hotline.number}
      </a>
    </View>
  );
}
