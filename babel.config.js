// One Babel config for the whole repository. Taro's webpack runs from client/, and a
// project-wide babel.config.js (unlike .babelrc) also applies to files outside that folder —
// which is what lets the shared TypeScript in core/ be compiled into the mini-program.
// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
};
