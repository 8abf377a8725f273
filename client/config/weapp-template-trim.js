/**
 * Taro plugin: leave out of base.wxml the attributes and events the app never sets.
 *
 * WeChat cannot recurse templates, so Taro writes every View and Text template once per nesting
 * level (15 levels) and in several variants, each naming every attribute the component has
 * (hover timings, animation and touch events, Text's selectable/space/decode…); ScrollView
 * carries ~60. base.wxml sits in the main package, which every resident downloads first.
 * src/weapp-template/attributes.json says what no page of ours uses; it is dropped here from
 * the build-time table, and src/weapp-template/trim.ts drops the very same from the
 * runtime's copy, because the runtime shortens attribute names by their position in that table
 * (see config/weapp-aria.js). scripts/check-weapp.mjs checks both after every build and fails
 * when a page's source starts using one of them: take it off the list then.
 *
 * A dropped attribute falls back to WeChat's own default, which is the default Taro's template
 * passed anyway (hover-start-time 50, hover-stay-time 400, scroll-view's thresholds 50, …).
 */
const path = require('node:path');

module.exports = (ctx) => {
  // keepOnly: a component of which we use a few attributes (ScrollView); drop: the ones we never use.
  const { keepOnly, drop } = require(path.join(ctx.paths.sourcePath, 'weapp-template/attributes.json'));
  const platformDir = require.resolve('@tarojs/plugin-platform-weapp', { paths: [ctx.paths.appPath] });
  const { internalComponents } = require(require.resolve('@tarojs/shared/dist/template', { paths: [platformDir] }));
  // The weapp platform merges its component table at the end of its setup: drop after that,
  // before webpack runs and base.wxml is written.
  ctx.modifyWebpackChain(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    const table = (name) => {
      if (!internalComponents[name]) throw new Error(`weapp-template-trim: Taro has no built-in component ${name}`);
      return internalComponents[name];
    };
    for (const [name, keep] of Object.entries(keepOnly)) {
      for (const attr of keep) if (!(attr in table(name))) throw new Error(`weapp-template-trim: ${name} has no attribute ${attr} to keep`);
      for (const attr of Object.keys(table(name))) if (!keep.includes(attr)) delete table(name)[attr];
    }
    for (const [name, attributes] of Object.entries(drop)) {
      for (const attr of attributes) {
        if (!(attr in table(name))) throw new Error(`weapp-template-trim: ${name} has no attribute ${attr} (Taro changed its table?)`);
        delete table(name)[attr];
      }
    }
  });
};
