/**
 * The copy spacing rule (README, "Notes for maintainers"), checked over every user-facing string:
 * string and template literals and JSX text in client/src (not tests), and the messages of core,
 * server and the cloud functions.
 *
 * - A space between a Han character and an adjacent Latin letter, digit or ¥ amount
 *   ("50 秒前", "还有 1 期 ¥31.50 待缴", "用电 403 度", "共 2 笔").
 * - The same for an interpolation that renders a number or Latin text (`还有 ${n} 期`,
 *   `应缴 ${formatFen(fen)}`); an interpolation that renders Chinese (a name, a label) is left alone.
 * - No space next to full-width (Chinese) punctuation: "（还有 42 分钟）", not "（ 还有 42 分钟 ）".
 * - Exceptions: dates and months in the common Chinese form (2026年3月5日, 3月5日, 2026年3月,
 *   2026年); licence plates, which are one token (粤B12345, 使014578, 粤Z1234港); a unit that is
 *   itself Latin stays on its number ("3kWh", "0.1%"), which the rule never touches since no Han
 *   character is involved. Ordinals and counts are not exceptions: "第 2 档", "共 3 期".
 *
 * Only Han adjacency triggers the rule, so ids, class names, module paths and SQL are never checked.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface Violation {
  file: string;
  line: number;
  text: string;
  reason: string;
}

/** Stands in for an interpolation rendering a number or Latin text / anything else. */
const NUMERIC_SLOT = '\uE000';
const OTHER_SLOT = '\uE001';

const HAN = '\\p{Script=Han}';
const LATIN = `[A-Za-z0-9¥${NUMERIC_SLOT}]`;
const FULL_WIDTH_PUNCT = '[，。！？；：、（）《》「」『』【】“”‘’…—～]';

/** Dates in the common Chinese form, exempt: 2026年3月5日, 2026年3月, 3月5日, 2026年, 5日, 3月. */
const DATE = new RegExp(`(?<![\\d.])(?:(?:\\d{4}|${NUMERIC_SLOT})年(?:(?:\\d{1,2}|${NUMERIC_SLOT})月(?:(?:\\d{1,2}|${NUMERIC_SLOT})日)?)?|(?:\\d{1,2}|${NUMERIC_SLOT})月(?:(?:\\d{1,2}|${NUMERIC_SLOT})日)?|(?<=月)(?:\\d{1,2}|${NUMERIC_SLOT})日)`, 'gu');

/** A licence plate (a province's short name, then letters and digits, maybe a trailing 港/澳/学/警…), not inside a word. */
const PLATE = new RegExp(`(?<!${HAN})[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使][A-Z0-9]{1,7}(?:${OTHER_SLOT}|[港澳学警挂领试超])?(?!${HAN})`, 'gu');

/** Files whose Han strings are not copy: the content-check sandbox's flagged test phrase. */
// The statement's column headers are WeChat Pay's own spelling (公众账号ID), matched as they are.
const NOT_COPY = new Set(['server/src/content/sandbox.ts', 'server/src/reconcile/statement.ts']);

/** Interpolations that render a number or Latin text: money, counts, lengths, ids, numbers. */
const NUMERIC_CALLS = /^(formatFen|fenToYuan|Number|String|Math\.\w+|spokenDigits)\(/;
/** Formatters that render a number, then a Chinese unit: checked as a sample of what they render. */
const SAMPLES: [RegExp, string][] = [[/^formatAge\(/, `${NUMERIC_SLOT} 秒前`]];
const NUMERIC_NAMES = /(^|\.)(n|count|\w+Count|total|length|size|min|max|minimum|maximum|step|months|years|days|hours|minutes|mins|seconds|secs|left|points|id|orderId|no|amount|fen|ageSeconds|attempts|index|i)$/;

export function isNumericExpression(expr: string): boolean {
  const e = expr.trim();
  if (/^\d+(\.\d+)?$/.test(e)) return true;
  if (NUMERIC_CALLS.test(e)) return true;
  if (/\.toFixed\(\d*\)$/.test(e)) return true;
  if (/\.slice\(-\d+\)$/.test(e)) return true; // the last digits of an account or decision number
  if (/(^|\.)\w*No$/.test(e)) return true; // decisionNo, accountNo, receiptNo
  if (/^[\w.]+(\s*[-+*/]\s*[\w.]+)+$/.test(e)) return true; // arithmetic: i + 1
  return NUMERIC_NAMES.test(e);
}

function slotFor(expr: string): string {
  const sample = SAMPLES.find(([re]) => re.test(expr.trim()));
  if (sample) return sample[1];
  return isNumericExpression(expr) ? NUMERIC_SLOT : OTHER_SLOT;
}

/** Why the text breaks the rule (empty when it follows it). Slots stand for interpolations. */
export function checkText(text: string): string[] {
  const reasons: string[] = [];
  const neutral = (d: string) => '\uE002'.repeat([...d].length);
  const masked = text.replace(DATE, neutral).replace(PLATE, neutral);
  const show = (s: string) => s.replace(new RegExp(NUMERIC_SLOT, 'g'), '${…}').replace(new RegExp(OTHER_SLOT, 'g'), '${…}');
  // Dates and plates are masked to a neutral character so "2026年3月5日 起" / "如 粤B12345" pass.
  // Lookahead, so that both sides of one short token are caught: 还有2期.
  for (const m of masked.matchAll(new RegExp(`${HAN}(?=${LATIN})|${LATIN}(?=${HAN})`, 'gu'))) {
    reasons.push(`no space between Han and Latin/digit in "${show([...masked.slice(m.index).slice(0, 4)].slice(0, 2).join(''))}"`);
  }
  for (const m of text.matchAll(new RegExp(`${FULL_WIDTH_PUNCT} +\\S| +${FULL_WIDTH_PUNCT}`, 'gu'))) {
    reasons.push(`space next to full-width punctuation in "${show(m[0])}"`);
  }
  return reasons;
}

const MODULE_ATTRS = new Set(['className', 'class', 'id', 'key', 'data-testid', 'hoverClass', 'src', 'url', 'type', 'mode', 'openType']);

function isIgnored(node: ts.Node): boolean {
  const p = node.parent;
  if (!p) return false;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p)) return true;
  if (ts.isCallExpression(p) && p.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === 'require') return true;
  if (ts.isLiteralTypeNode(p)) return true; // a type, not text
  if (ts.isPropertyAssignment(p) && p.name === node) return true; // an object key
  if (ts.isElementAccessExpression(p) && p.argumentExpression === node) return true;
  if (ts.isJsxAttribute(p) && MODULE_ATTRS.has(p.name.getText())) return true;
  if (ts.isJsxExpression(p) && p.parent && ts.isJsxAttribute(p.parent) && MODULE_ATTRS.has(p.parent.name.getText())) return true;
  return false;
}

/** Every user-facing piece of text in one source file that breaks the rule. */
export function scanSource(file: string, source: string): Violation[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Violation[] = [];
  const report = (node: ts.Node, text: string, raw: string) => {
    if (!/\p{Script=Han}/u.test(text)) return;
    for (const reason of checkText(text)) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      out.push({ file, line, text: raw.replace(/\s+/g, ' ').trim(), reason });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (!isIgnored(node)) report(node, node.text, node.text);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      if (!isIgnored(node)) {
        let text = node.head.text;
        for (const span of node.templateSpans) {
          text += slotFor(span.expression.getText(sf));
          text += span.literal.text;
        }
        report(node, text, node.getText(sf));
      }
      node.templateSpans.forEach((s) => visit(s.expression)); // nested literals
      return;
    }
    if (ts.isJsxText(node)) {
      report(node, node.text.trim(), node.text);
      return;
    }
    if (ts.isJsxElement(node) || ts.isJsxFragment(node)) {
      // Text and {expr} side by side render as one string: 共{n}笔.
      const children = node.children;
      for (let i = 0; i + 1 < children.length; i++) {
        const a = children[i];
        const b = children[i + 1];
        const slot = (c: ts.JsxChild) => (ts.isJsxExpression(c) && c.expression ? slotFor(c.expression.getText(sf)) : null);
        const sa = slot(a);
        const sb = slot(b);
        if (ts.isJsxText(a) && sb && !/\s$/.test(a.text)) report(a, (a.text.trimStart().slice(-1) || '') + sb, `${a.text.trim()}{${(b as ts.JsxExpression).expression!.getText(sf)}}`);
        if (sa && ts.isJsxText(b) && !/^\s/.test(b.text)) report(b, sa + b.text.slice(0, 1), `{${(a as ts.JsxExpression).expression!.getText(sf)}}${b.text.trim()}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const ROOTS = ['client/src', 'console/src', 'core/src', 'server/src'];

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) {
      if (name === 'testing' || name === '__tests__') continue;
      files.push(...sourceFiles(p));
    } else if (/\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) && !name.endsWith('.d.ts')) {
      files.push(p);
    }
  }
  return files;
}

/** The whole repository: every violation, as `file:line`. */
export function scanRepo(root: string): Violation[] {
  return ROOTS.flatMap((r) => sourceFiles(join(root, r)))
    .map((f) => relative(root, f))
    .filter((f) => !NOT_COPY.has(f))
    .flatMap((f) => scanSource(f, readFileSync(join(root, f), 'utf8')));
}

export function formatViolations(vs: Violation[]): string {
  return vs.map((v) => `${v.file}:${v.line}: ${v.text}\n    ${v.reason}`).join('\n');
}
