import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../ui/button';
import { cx } from '../../ui/press';
import { hotlineLabel, type DepartmentHotlineProps } from './types';
import './index.css';

export type { DepartmentHotlineProps } from './types';

/**
 * The utility's own hotline on a failure page: when we cannot reach the company, the resident
 * still can. weapp: a button that opens WeChat's call sheet (Taro.makePhoneCall); h5 has
 * index.h5.tsx, a `tel:` link.
 */
export function DepartmentHotline({ hotline, className }: DepartmentHotlineProps) {
  // The resident closing the call sheet rejects the promise: nothing to report.
  const call = () => void Promise.resolve(Taro.makePhoneCall({ phoneNumber: hotline.tel })).catch(() => undefined);
  return (
    <View className={cx('bm-department-hotline', className)} data-tel={hotline.tel}>
      <Text className='bm-department-hotline__text'>
        {hotline.name} {hotline.number}
      </Text>
      <Button variant='secondary' small className='bm-department-hotline__call' label={hotlineLabel(hotline)} onPress={call}>
        拨打 {hotline.number}
      </Button>
    </View>
  );
}
