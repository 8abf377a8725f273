// Jest: `@tarojs/taro` is the h5 implementation (the weapp one needs WeChat's `wx`). Its page
// lifecycle hooks come from Taro's React runtime and need a mounted Taro page; here they are
// replaced by ones a test drives through `lifecycle` (client/jest/lifecycle.ts).
const React = require('react');
const h5 = require('@tarojs/taro-h5');
const { lifecycle } = require('./lifecycle');

function hook(name) {
  return function useLifecycle(fn) {
    const latest = React.useRef(fn);
    latest.current = fn;
    React.useEffect(() => lifecycle.on(name, () => latest.current()), []);
  };
}

const hooks = {
  useDidShow: hook('show'),
  useDidHide: hook('hide'),
  useUnload: hook('unload'),
  usePullDownRefresh: hook('pullDownRefresh'),
  useLaunch: hook('launch'),
  useReady: hook('ready'),
  useRouter: () => ({ params: lifecycle.params }),
};

const Taro = Object.assign(Object.create(h5.default ?? h5), h5.default ?? h5, hooks, {
  stopPullDownRefresh: () => lifecycle.emit('stopPullDownRefresh'),
});
module.exports = { ...h5, ...hooks, default: Taro, __esModule: true };
