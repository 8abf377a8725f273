import { useState } from 'react';
import { Text } from '@tarojs/components';
import { Button, Sheet } from '../../../ui';
import type { ContactButtonProps } from './contact-types';

/**
 * h5 (the browser twin): there is no WeChat customer-service conversation outside WeChat. The
 * stand-in says exactly what the mini-program would open and what the agent would receive, and
 * pretends nothing else (no fake chat that no person reads).
 */
export function ContactButton({ contact, label }: ContactButtonProps) {
  const [open, setOpen] = useState(false);
  let ticketNo: string | null = null;
  try {
    ticketNo = (JSON.parse(contact.sessionFrom) as { ticketNo?: string | null }).ticketNo ?? null;
  } catch {
    ticketNo = null;
  }
  return (
    <>
      <Button className='bm-tk-agent-contact' onPress={() => setOpen(true)} label={label}>
        {label}
      </Button>
      <Sheet
        visible={open}
        title='人工客服（沙箱说明）'
        tag={<Text className='bm-tk-status bm-tk-status--warn'>浏览器演示</Text>}
        className='bm-tk-agent-sandbox'
        onClose={() => setOpen(false)}
        actions={
          <Button className='bm-tk-agent-sandbox-close' onPress={() => setOpen(false)} label='知道了'>
            知道了
          </Button>
        }
      >
        <Text className='bm-tk-text'>
          在微信小程序里，这个按钮会打开微信客服会话，由 12345 人工客服接待。浏览器演示版没有微信客服，这里不会有人回复。
        </Text>
        <Text className='bm-tk-fineprint bm-tk-agent-sandbox-session'>
          会话会带给客服：{ticketNo ? `工单号 ${ticketNo}` : '未关联工单'}；会话卡片标题“{contact.sendMessageTitle}”。
        </Text>
      </Sheet>
    </>
  );
}
