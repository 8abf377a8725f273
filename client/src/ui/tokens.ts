/**
 * The few colours JavaScript needs (page configs, `Taro.showModal`'s button colours): the same
 * values as app.css's variables of the same name, which a test keeps equal. Anywhere else a
 * colour is a `var(--bm-…)`.
 */
export const COLORS = {
  /** --bm-primary */
  primary: '#1557b0',
  /** --bm-danger */
  danger: '#a8191f',
  /** --bm-text */
  text: '#1f2a37',
  /** --bm-bg */
  bg: '#f3f6fb',
} as const;
