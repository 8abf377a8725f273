/**
 * The few colours JavaScript needs (page configs, `Taro.showModal`'s button colours): the same
 * values as app.css's variables of the same name, which a test keeps equal. Anywhere else a
 * colour is a `var(--bm-…)`; a canvas (the receipt image) takes these values too.
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
  /** --bm-text-muted (the receipt image's canvas) */
  'text-muted': '#4b5768',
  /** --bm-on-primary (the receipt image's canvas) */
  'on-primary': '#ffffff',
  /** --bm-card (the receipt image's canvas) */
  card: '#ffffff',
  /** --bm-line (the receipt image's canvas) */
  line: '#eef2f7',
} as const;
