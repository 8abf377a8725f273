import type { Page } from 'playwright-core';

/** WCAG 2.5.5 / Apple's and WeChat's guidance: 44 × 44 CSS px for anything a finger must hit. */
export const MIN_TARGET_PX = 44;
/** WCAG 1.4.3 AA for body text (held for all text here, large or not). */
export const MIN_CONTRAST = 4.5;

export interface SmallTarget {
  what: string;
  width: number;
  height: number;
}

export interface LowContrast {
  what: string;
  text: string;
  ratio: number;
  color: string;
  background: string;
}

/** A control whose accessible name does not contain the words it shows (WCAG 2.5.3 Label in Name). */
export interface Mislabelled {
  what: string;
  /** What a sighted resident reads on it (aria-hidden glyphs left out). */
  visible: string;
  /** What a screen reader or voice control calls it. */
  name: string;
}

export interface ScanResult {
  /** Pressable things measured (buttons, tabs, radios, switches, inputs, anything focusable). */
  targets: number;
  /** Text runs measured. */
  texts: number;
  small: SmallTarget[];
  lowContrast: LowContrast[];
  /** Controls named with an aria-label that leaves out their visible words. */
  mislabelled: Mislabelled[];
}

/**
 * Label in Name, as voice control matches it: the visible words, spaces and punctuation aside,
 * must stand in the accessible name ("立即缴款 ¥400.00" cannot be named "缴纳罚款 ¥400.00").
 * The scan applies it to a control's label — its first run of visible text (a button's words, a
 * card's title): a composite card reads its other lines in its own order and may word them for
 * the ear, but the words a resident would say to press it must be in its name.
 */
export function labelInName(visible: string, name: string): boolean {
  const norm = (t: string) => t.replace(/[\s，。、,.·:：；;（）()‹›…!！?？"“”'‘’\-–—/＋+]/g, '');
  return norm(name).includes(norm(visible));
}

/**
 * Measures the page as shown: every touch target's size and every visible text's contrast
 * against what is really behind it (its own and its ancestors' backgrounds composited, a
 * gradient judged by its worst stop). Only the visible page counts: Taro's h5 router keeps
 * earlier pages in the DOM, hidden.
 */
export async function scanPage(page: Page): Promise<ScanResult> {
  return page.evaluate(
    ({ minTarget, labelInNameSource }) => {
      // The same rule as labelInName above, sent into the page as its source.
      const labelInName = new Function(`return (${labelInNameSource})`)() as (visible: string, name: string) => boolean;
      type RGBA = [number, number, number, number];
      const parse = (c: string): RGBA[] => {
        const out: RGBA[] = [];
        for (const m of c.matchAll(/rgba?\(([^)]+)\)/g)) {
          const [r, g, b, a = '1'] = m[1]!.split(/[\s,/]+/).filter(Boolean);
          out.push([Number(r), Number(g), Number(b), Number(a)]);
        }
        return out;
      };
      const over = (top: RGBA, under: RGBA): RGBA => {
        const a = top[3] + under[3] * (1 - top[3]);
        if (a === 0) return [0, 0, 0, 0];
        const mix = (i: number) => (top[i]! * top[3] + under[i]! * under[3] * (1 - top[3])) / a;
        return [mix(0), mix(1), mix(2), a];
      };
      const lum = ([r, g, b]: RGBA) => {
        const ch = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
      };
      const ratio = (a: RGBA, b: RGBA) => {
        const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
        return (x! + 0.05) / (y! + 0.05);
      };
      const hex = ([r, g, b]: RGBA) => `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        const s = getComputedStyle(el);
        if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false;
        return (el as HTMLElement).offsetParent !== null || s.position === 'fixed';
      };
      const describe = (el: Element) => {
        const cls = [...el.classList].filter((c) => !c.startsWith('taro') && !c.startsWith('hydrated')).slice(0, 2).join('.');
        const label = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim();
        return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} "${label.slice(0, 24)}"`;
      };
      /** The candidate backgrounds behind an element: one per stop of any gradient on the way. */
      const backgrounds = (el: Element): RGBA[] => {
        const layers: string[][] = [];
        for (let e: Element | null = el; e; e = e.parentElement) {
          const s = getComputedStyle(e);
          const colors = s.backgroundImage.includes('gradient') ? parse(s.backgroundImage).map((c) => `rgba(${c.join(',')})`) : [];
          layers.push([...colors.map((c) => `img:${c}`), `col:${s.backgroundColor}`]);
        }
        let candidates: RGBA[] = [[255, 255, 255, 1]];
        for (const layer of layers.reverse()) {
          const color = parse(layer.find((l) => l.startsWith('col:'))!.slice(4))[0] ?? [0, 0, 0, 0];
          candidates = candidates.map((c) => over(color, c));
          const stops = layer.filter((l) => l.startsWith('img:')).map((l) => parse(l.slice(4))[0]!);
          if (stops.length > 0) candidates = candidates.flatMap((c) => stops.map((stop) => over(stop, c)));
        }
        return candidates;
      };

      const root = [...document.querySelectorAll('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none').pop() ?? document.body;
      const scope = [root, ...document.querySelectorAll('body > .taro__toast, body > .taro__modal')];

      const small: SmallTarget[] = [];
      const targetSelector = '[role="button"], [role="tab"], [role="radio"], [role="switch"], [role="link"], a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
      const targets = scope.flatMap((s) => [...s.querySelectorAll(targetSelector)]).filter(visible);
      for (const t of targets) {
        const r = t.getBoundingClientRect();
        if (r.width < minTarget - 0.01 || r.height < minTarget - 0.01) small.push({ what: describe(t), width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10 });
      }

      const mislabelled: Mislabelled[] = [];
      /** A control's label: its first run of shown text (one text element), less anything hidden from screen readers and sight. */
      const labelOf = (el: Element): string => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let run: Element | null = null;
        let out = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const parent = n.parentElement;
          if (!parent || parent.closest('[aria-hidden="true"]') !== el.closest('[aria-hidden="true"]')) continue;
          if (!visible(parent) || !(n.textContent ?? '').trim()) continue;
          if (run && run !== parent && !run.contains(parent)) break;
          run ??= parent;
          out += n.textContent ?? '';
        }
        return out.trim();
      };
      for (const t of targets) {
        const name = t.getAttribute('aria-label');
        if (!name || t.matches('input, textarea, select')) continue;
        const label = labelOf(t);
        if (label && !labelInName(label, name)) mislabelled.push({ what: describe(t), visible: label.slice(0, 40), name: name.slice(0, 60) });
      }

      const lowContrast: LowContrast[] = [];
      let texts = 0;
      for (const s of scope) {
        const walker = document.createTreeWalker(s, NodeFilter.SHOW_TEXT);
        const seen = new Set<Element>();
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || seen.has(el) || !(n.textContent ?? '').trim() || !visible(el)) continue;
          seen.add(el);
          if (el.closest('select, option, script, style')) continue;
          texts++;
          const fg = parse(getComputedStyle(el).color)[0]!;
          const worst = backgrounds(el)
            .map((bg) => ({ bg, r: ratio(over(fg, bg), bg) }))
            .sort((a, b) => a.r - b.r)[0]!;
          if (worst.r < 4.5) lowContrast.push({ what: describe(el), text: (n.textContent ?? '').trim().slice(0, 20), ratio: Math.round(worst.r * 100) / 100, color: hex(fg), background: hex(worst.bg) });
        }
      }
      return { targets: targets.length, texts, small, lowContrast, mislabelled };
    },
    { minTarget: MIN_TARGET_PX, labelInNameSource: labelInName.toString() },
  );
}

/** One line per finding, for a failure message a person can act on. */
export function report(name: string, r: ScanResult): string {
  return [
    `${name}: ${r.targets} targets, ${r.small.length} under ${MIN_TARGET_PX} px, ${r.mislabelled.length} not named by their words; ${r.texts} texts, ${r.lowContrast.length} under ${MIN_CONTRAST}:1`,
    ...r.small.map((s) => `  target ${s.what} ${s.width}×${s.height}`),
    ...r.mislabelled.map((m) => `  label-in-name ${m.what} shows "${m.visible}" but is named "${m.name}"`),
    ...r.lowContrast.map((c) => `  contrast ${c.what} "${c.text}" ${c.ratio}:1 (${c.color} on ${c.background})`),
  ].join('\n');
}
