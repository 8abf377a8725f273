import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import webpack from 'webpack';
import { CloudEnvError, cloudEnvFor } from './cloud-env';
import devConfig from './dev';
import prodConfig from './prod';
import { transpiledDependencyDirs, ZOD_CJS_REQUEST, zodEsmRequest } from './transpile';

/**
 * The shared TypeScript package (`@bianmin/core`, folder ../../core) ships TS sources, not
 * built JS. Taro's script rule only compiles `src/` and Taro's own packages, so the core
 * folder is added to `compile.include` for both targets, and an alias pins the import to that
 * folder (it does not then depend on the workspace symlink in node_modules, and webpack never
 * sees a second copy through a symlinked path).
 */
const CORE_DIR = path.resolve(__dirname, '../../core');
const CORE_SRC = path.join(CORE_DIR, 'src');

const compileCore = { include: [CORE_DIR] };
/** The ticket template of the local stack's notifier (server/src/notify/notifier.ts recordingNotifier). */
const LOCAL_TICKET_TEMPLATE_ID = 'dev-ticket-template';
// The weapp also compiles the dependencies that ship syntax newer than its level (see transpile.ts).
const compileMini = { include: [CORE_DIR, ...transpiledDependencyDirs(__dirname)] };

/**
 * A chunk the main package ships: `app`, `pages/hub/index`, `comp`… — not a subpackage page's
 * (`bills/pages/bill/index`), nor a config Taro compiles only to write app.json (`app.config`, whose
 * imports — the flows' declarations — run at build time, never on the phone).
 */
function isMainPackageChunk(name: string): boolean {
  return !/^[^/]+\/pages\//.test(name) && !/\.config$/.test(name);
}

/**
 * Taro's `common` chunk (main package) takes any module two pages share, so a kit component or a
 * flow's declaration used by two subpackages lands in the package every resident downloads first,
 * though the hub never runs it (measured: 9 KB of the flows' kit and declarations). Only a module
 * the main package itself uses goes there; the rest stays with the subpackages (their own
 * sub-vendors / sub-common, or the page that needs it).
 */
export function keepFlowModulesOutOfMainPackage(chain: { optimization: { get(key: string): unknown; splitChunks(value: unknown): unknown } }): void {
  const split = chain.optimization.get('splitChunks') as { cacheGroups?: Record<string, { test?: unknown } | false> } | undefined;
  const common = split?.cacheGroups?.common;
  if (!split || !common) return;
  common.test = (module: unknown, { chunkGraph }: { chunkGraph: { getModuleChunksIterable(m: unknown): Iterable<{ name?: string | null }> } }) =>
    [...chunkGraph.getModuleChunksIterable(module)].some((c) => isMainPackageChunk(c.name ?? ''));
  chain.optimization.splitChunks(split);
}

/**
 * Stops a weapp build without CLOUD_ENV before anything is compiled (see cloud-env.ts), with the
 * reason as the last thing printed: thrown, Taro would bury it under a stack trace and a
 * misleading "找不到项目配置文件".
 */
function cloudEnvOrStop(): string {
  try {
    return cloudEnvFor(process.env.TARO_ENV, process.env.CLOUD_ENV);
  } catch (e) {
    if (!(e instanceof CloudEnvError)) throw e;
    console.error(`\n✖ ${e.message}\n`);
    return process.exit(1);
  }
}

// https://docs.taro.zone/docs/next/config
export default defineConfig<'webpack5'>(async (merge) => {
  const cloudEnv = cloudEnvOrStop();
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'bianmin',
    date: '2025-11-23',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // weapp-aria.js: pass ariaLabel/ariaRole through to WeChat's templates (see the file);
    // weapp-template-trim.js: leave the attributes no page uses out of base.wxml (see the file).
    plugins: [path.resolve(__dirname, 'weapp-aria.js'), path.resolve(__dirname, 'weapp-template-trim.js')],
    // Becomes `process.env.CLOUD_ENV` in the bundle: the CloudBase environment the weapp calls.
    env: {
      CLOUD_ENV: JSON.stringify(cloudEnv),
      // The one-time subscribe message template of "remind me when it opens" (same id as the reminders function's).
      REMINDER_TEMPLATE_ID: JSON.stringify(process.env.REMINDER_TEMPLATE_ID || ''),
      // The subscribe message template of a 12345 ticket's status (same id as the tickets worker's
      // TICKET_TEMPLATE_ID), asked for when a ticket is filed. Unset on weapp: no prompt, the
      // message centre only. h5 is the local stack's twin: its notifier's template by default.
      TICKET_TEMPLATE_ID: JSON.stringify(process.env.TICKET_TEMPLATE_ID || (process.env.TARO_ENV === 'h5' ? LOCAL_TICKET_TEMPLATE_ID : '')),
    },
    defineConstants: {},
    alias: {
      '@bianmin/core': CORE_SRC,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Han characters as UTF-8 (3 bytes), not the `\uXXXX` escapes (6 bytes) of Taro's default
    // `ascii_only: true`: the weapp main package's strings are mostly Chinese, and this is 3.5 KB
    // of it (measured: app.js 0.5, common.js 1.9, taro.js 0.3, the hub 0.9). WeChat reads package
    // files as UTF-8, as every native mini-program's own Chinese strings rely on; h5's index.html
    // declares UTF-8.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    cache: { enable: false },
    mini: {
      compile: compileMini,
      webpackChain(chain) {
        keepFlowModulesOutOfMainPackage(chain);
        chain.plugin('zod-esm-locale').use(webpack.NormalModuleReplacementPlugin, [
          ZOD_CJS_REQUEST,
          (resource: { request: string }) => {
            resource.request = zodEsmRequest(resource.request) ?? resource.request;
          },
        ]);
      },
      // Maps beside the weapp output, without a sourceMappingURL comment in the shipped JS:
      // scripts/check-weapp.mjs names the source module of each browser-only API it finds.
      // project.config.json keeps *.map out of the uploaded package.
      enableSourceMap: true,
      sourceMapType: 'hidden-source-map',
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: compileCore,
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // The h5 build is the local stand-in for the mini-program; the size budget that matters
      // is the weapp main package (see the README), so webpack's 244 KiB web hint is off.
      webpackChain(chain) {
        chain.performance.hints(false);
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
