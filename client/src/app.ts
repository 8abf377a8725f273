import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { registerWeappAriaAttributes } from './a11y/weapp-aria';
import { PrivacyConsentSheet } from './privacy/consent-sheet';
import { registerPrivacyListener } from './privacy/register';
import { addGlobalOverlay } from './ui/page/global-overlays';
import { dropUnusedTemplateAttributes } from './weapp-template/trim';
import './app.css';

// Before any page renders: lets ariaLabel/ariaRole reach WeChat (see config/weapp-aria.js), and
// matches the attributes base.wxml leaves out (see config/weapp-template-trim.js).
if (process.env.TARO_ENV === 'weapp') {
  registerWeappAriaAttributes();
  dropUnusedTemplateAttributes();
}
// Every page carries the privacy consent sheet: WeChat asks on whichever page calls a privacy API.
addGlobalOverlay(PrivacyConsentSheet);

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // h5 never touches Taro.cloud: taro-h5's stub "succeeds" without doing anything.
    // The TARO_ENV define makes this whole branch vanish from the h5 bundle.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: process.env.CLOUD_ENV, traceUser: true });
      // Once for the whole mini-program, before a page can call a privacy API.
      registerPrivacyListener();
    }
  });

  // children are the pages being rendered
  return children;
}

export default App;
