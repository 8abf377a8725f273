import Taro from '@tarojs/taro';

/**
 * Opens a page of the app, telling the caller when that page is not part of this build
 * (a flow whose subpackage has not landed yet) instead of failing in a platform's own way:
 * - weapp: `navigateTo` rejects with "page … is not found";
 * - h5: the router pushes the address anyway and shows a blank page, so the page list the
 *   build wrote to `window.__taroAppConfig` is checked first.
 */
export async function openPage(url: string): Promise<'opened' | 'missing'> {
  if (process.env.TARO_ENV === 'h5' && !isH5Page(url)) return 'missing';
  try {
    await Taro.navigateTo({ url });
    return 'opened';
  } catch {
    return 'missing';
  }
}

interface H5AppConfig {
  pages?: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
}

function isH5Page(url: string): boolean {
  const config = (window as unknown as { __taroAppConfig?: H5AppConfig }).__taroAppConfig;
  if (!config) return true; // cannot tell: let the router try
  const path = url.split('?')[0].replace(/^\/+/, '');
  const subPages = (config.subPackages ?? config.subpackages ?? []).flatMap((sp) =>
    sp.pages.map((p) => `${sp.root.replace(/^\/+|\/+$/g, '')}/${p}`),
  );
  return [...(config.pages ?? []), ...subPages].some((p) => p.replace(/^\/+/, '') === path);
}
