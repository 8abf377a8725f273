import { Text, View } from '@tarojs/components';
import { cx, pressable } from '../press';
import './index.css';

export interface LinkRowProps {
  /** What it opens, said and shown: the accessible name is this same text (WCAG 2.5.3). */
  label: string;
  /** A short word on the right before the chevron (共 2 件). */
  detail?: string;
  onPress(): void;
  className?: string;
}

/** A row that opens another page (我的订单, 查询记录, 养老金发放记录): the label, an optional detail, a chevron. */
export function LinkRow({ label, detail, onPress, className }: LinkRowProps) {
  return (
    <View className={cx('bm-link-row', 'bm-focusable', className)} {...pressable(onPress, { role: 'link' })} ariaLabel={detail ? `${label}，${detail}` : label} hoverClass='bm-link-row--pressed'>
      <Text className='bm-link-row__label'>{label}</Text>
      {detail ? <Text className='bm-link-row__detail'>{detail}</Text> : null}
      <Text className='bm-link-row__chevron' aria-hidden='true'>
        ›
      </Text>
    </View>
  );
}
