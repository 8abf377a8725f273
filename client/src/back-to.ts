import Taro from '@tarojs/taro';

/**
 * Back to a page already open further down the stack (so 返回我的户号 does not pile up a second
 * copy of it), or opened in place of the current one when it is not there (a receipt opened from
 * a message). WeChat allows 10 pages on the stack.
 */
export async function backTo(path: string, fallbackUrl: string = path): Promise<void> {
  const stack = Taro.getCurrentPages();
  const route = path.replace(/^\//, '');
  for (let i = stack.length - 2; i >= 0; i--) {
    const p = stack[i] as { route?: string; path?: string };
    const r = (p.route ?? p.path ?? '').replace(/^\//, '').split('?')[0];
    if (r === route) {
      await Taro.navigateBack({ delta: stack.length - 1 - i });
      return;
    }
  }
  await Taro.redirectTo({ url: fallbackUrl });
}
