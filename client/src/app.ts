import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { registerWeappAriaAttributes } from './a11y/weapp-aria';
import { dropUnusedTemplateAttributes } from './weapp-template/trim';
import './app.css';

// Before any page renders: lets ariaLabel/ariaRole reach WeChat (see config/weapp-aria.js), and
// matches the attributes base.wxml leaves out (see config/weapp-template-trim.js).
if (process.env.TARO_ENV === 'weapp') {
  registerWeappAriaAttributes();
  dropUnusedTemplateAttributes();
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // h5 never touches Taro.cloud: taro-h5's stub "succeeds" without doing anything.
    // The TARO_ENV define makes this whole branch vanish from the h5 bundle.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: process.env.CLOUD_ENV, traceUser: true });
    }
  });

  // children are the pages being rendered
  return children;
}

export default App;
