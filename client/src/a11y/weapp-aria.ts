import { mergeInternalComponents } from '@tarojs/shared';
import { TaroElement } from '@tarojs/runtime';
import byComponent from './weapp-aria-attributes.json';

/**
 * The runtime half of config/weapp-aria.js (read it first): the runtime's component table
 * must list exactly the attributes the build put into base.wxml, or attribute names are
 * shortened to the wrong slots. Runs once, before the first page renders.
 */
export function registerWeappAriaAttributes(): void {
  mergeInternalComponents(
    Object.fromEntries(Object.entries(byComponent).map(([name, attrs]) => [name, Object.fromEntries(attrs.map((a) => [a, '']))])),
  );
  dropWebRole();
}

/**
 * Components carry both `role` (h5, the DOM's) and `ariaRole` (WeChat's). WeChat has no `role`
 * attribute, so no template reads it, yet Taro ships every unknown prop to the page's data on
 * each render (about 18 KB of the hub's). Dropped here, before it is recorded.
 */
function dropWebRole(): void {
  const proto = TaroElement.prototype;
  const { setAttribute, removeAttribute } = proto;
  proto.setAttribute = function (this: TaroElement, name: string, value: unknown) {
    if (name !== 'role') setAttribute.call(this, name, value);
  };
  proto.removeAttribute = function (this: TaroElement, name: string) {
    if (name !== 'role') removeAttribute.call(this, name);
  };
}
