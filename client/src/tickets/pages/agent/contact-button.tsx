import { Button as NativeButton } from '@tarojs/components';
import type { ContactButtonProps } from './contact-types';

/**
 * weapp: WeChat's own customer-service conversation. Only a native `<button open-type="contact">`
 * opens it (no API does); `sessionFrom` carries the ticket number to the agent's console.
 */
export function ContactButton({ contact, label }: ContactButtonProps) {
  return (
    <NativeButton
      className='bm-button bm-button--primary bm-tk-agent-contact'
      openType='contact'
      sessionFrom={contact.sessionFrom}
      sendMessageTitle={contact.sendMessageTitle}
      sendMessagePath={contact.sendMessagePath}
      showMessageCard={contact.showMessageCard}
      ariaLabel={label}
    >
      {label}
    </NativeButton>
  );
}
