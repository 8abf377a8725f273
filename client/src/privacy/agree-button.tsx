import { Button as NativeButton } from '@tarojs/components';
import { AGREE_BUTTON_ID } from './consent';

/**
 * weapp: agreeing is WeChat's own `<button open-type="agreePrivacyAuthorization">` — the base
 * library takes "agree" only after a tap on it (checked by its id), so it cannot be the kit's
 * Button. Styled like the kit's primary button. h5 takes agree-button.h5.tsx.
 */
export function AgreeButton({ onAgree }: { onAgree(): void }) {
  return (
    <NativeButton id={AGREE_BUTTON_ID} className='bm-button bm-button--primary bm-sheet__main bm-privacy-sheet__agree' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={onAgree} ariaLabel='同意《便民隐私保护指引》'>
      同意
    </NativeButton>
  );
}
