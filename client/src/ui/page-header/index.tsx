import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { cx, pressable } from '../press';
import type { PageHeaderProps } from './types';
import './index.css';

export type { PageHeaderProps } from './types';

const HUB = '/pages/hub/index';

/** Back to where the resident came from; opened straight from an address or a message, to the hub. */
export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: HUB });
}

/** The blue band at the top of every page: title (the page's h1), a line under it, and on h5 a way back. */
export function PageHeader({ title, subtitle, actions, children, back = true, className }: PageHeaderProps) {
  return (
    <View className={cx('bm-header', className)}>
      {back && process.env.TARO_ENV === 'h5' ? (
        <View className='bm-header__back bm-focusable' {...pressable(goBack)} ariaLabel='返回' hoverClass='bm-header__back--pressed'>
          <Text aria-hidden='true'>‹ </Text>
          <Text>返回</Text>
        </View>
      ) : null}
      <View className='bm-header__top'>
        <View className='bm-header__title' role='heading' ariaRole='heading' aria-level='1'>
          {title}
        </View>
        {actions ? <View className='bm-header__actions'>{actions}</View> : null}
      </View>
      {subtitle ? <Text className='bm-header__subtitle'>{subtitle}</Text> : null}
      {children}
    </View>
  );
}
