import type { ReactNode } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';

export interface SheetProps {
  visible: boolean;
  /** Heading of the sheet; also its accessible name. */
  title: string;
  /** A tag above the title (e.g. 沙箱支付), so what kind of sheet this is cannot be missed. */
  tag?: ReactNode;
  className?: string;
  /** Tapping the mask or ✕. Not offered while `busy`: a half-sent payment must not be dismissed. */
  onClose(): void;
  busy?: boolean;
  actions?: ReactNode;
  children?: ReactNode;
}

/**
 * The bills flow's bottom sheet (confirm a payment, the sandbox pay sheet). Hand-made rather than
 * a library popup: NutUI's stylesheets are drawn for a 375 design width and this app compiles at
 * 750, so they would render at half size; this one follows the page's large-font variables.
 */
export function Sheet({ visible, title, tag, className, onClose, busy, actions, children }: SheetProps) {
  if (!visible) return null;
  const close = () => {
    if (!busy) onClose();
  };
  return (
    // Rendered inside <Page>, so the large-font variables of .bm-page reach it.
    <View className={`bills-sheet ${className ?? ''}`}>
      <View className='bills-sheet__mask' catchMove onClick={close} aria-hidden='true' />
      <View className='bills-sheet__panel' role='dialog' ariaRole='dialog' aria-modal='true' ariaLabel={title}>
        <View className='bills-sheet__head'>
          <View className='bills-sheet__heading'>
            {tag}
            <View className='bills-sheet__title' role='heading' ariaRole='heading' aria-level='2'>
              {title}
            </View>
          </View>
          {busy ? null : (
            <View className='bills-sheet__close' role='button' ariaRole='button' ariaLabel='关闭' hoverClass='bills-pressed' onClick={close}>
              <Text aria-hidden='true'>✕</Text>
            </View>
          )}
        </View>
        <ScrollView className='bills-sheet__body' scrollY>
          {children}
        </ScrollView>
        {actions ? <View className='bills-sheet__actions'>{actions}</View> : null}
      </View>
    </View>
  );
}
