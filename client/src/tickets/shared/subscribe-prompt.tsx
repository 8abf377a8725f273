import type { ReactElement } from 'react';

/** weapp: WeChat draws its own subscribe prompt; the h5 stand-in is subscribe-prompt.h5.tsx. */
export function SubscribePrompt(): ReactElement | null {
  return null;
}
