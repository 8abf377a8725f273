import { mergeInternalComponents } from '@tarojs/shared';
import attributes from './weapp-aria-attributes.json';

/**
 * The runtime half of config/weapp-aria.js (read it first): the runtime's component table
 * must list exactly the attributes the build put into base.wxml, or attribute names are
 * shortened to the wrong slots. Runs once, before the first page renders.
 */
export function registerWeappAriaAttributes(): void {
  const extra = Object.fromEntries(attributes.map((a) => [a, '']));
  mergeInternalComponents({ View: { ...extra }, Text: { ...extra } });
}
