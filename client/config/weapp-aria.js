/**
 * Taro plugin: let aria-* props reach the WeChat mini-program.
 *
 * Taro's weapp templates (base.wxml) render only the attributes listed per component in
 * @tarojs/shared's template table, and View/Text/Input list no accessibility attributes — so
 * `ariaLabel` / `ariaRole` / `aria-level` set in React are silently dropped and WeChat's screen
 * reader reads bare text (a heading without its level, an input by its placeholder). WeChat
 * does support them (developers.weixin.qq.com/miniprogram/dev/component/aria-component.html).
 * This adds them to the build-time table, which the weapp platform reads when it writes
 * base.wxml.
 *
 * The runtime keeps its own copy of that table to shorten attribute names (`p0`, `p1`, … by
 * sorted position), so src/a11y/weapp-aria.ts adds the very same lists at runtime; both read
 * src/a11y/weapp-aria-attributes.json (component → attributes). If only one side had them,
 * every attribute sorted after them (hover-class…) would be shifted and silently misrouted;
 * scripts/check-weapp.mjs compares the two after every build.
 */
const path = require('node:path');

module.exports = (ctx) => {
  const byComponent = require(path.join(ctx.paths.sourcePath, 'a11y/weapp-aria-attributes.json'));
  // The copy of @tarojs/shared that the weapp platform plugin itself uses.
  const platformDir = require.resolve('@tarojs/plugin-platform-weapp', { paths: [ctx.paths.appPath] });
  const { internalComponents } = require(require.resolve('@tarojs/shared/dist/template', { paths: [platformDir] }));
  for (const [name, attributes] of Object.entries(byComponent)) {
    if (!internalComponents[name]) throw new Error(`weapp-aria: Taro has no built-in component ${name}`);
    for (const attr of attributes) {
      if (!(attr in internalComponents[name])) internalComponents[name][attr] = ''; // '' = no default value
    }
  }
};
