/**
 * The declared information types against the code: every call of a WeChat privacy API in
 * client/src (Taro.x / wx.x, a button's open-type, a component, an authorize scope) must be in
 * PRIVACY_USES with its type, each entry must name exactly the files that call it, the
 * deprecated pickers are gone, and app.json's requiredPrivateInfos follows the list.
 * scripts/check-weapp.mjs checks the built package the same way (libraries included).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { declaredInfoTypes, PRIVACY_USES } from './info-types';
import { REQUIRED_PRIVATE_INFOS } from './required-private-infos';
import { DEPRECATED_APIS, LOCATION_APIS, WECHAT_PRIVACY_APIS } from './wechat-apis';

const ROOT = resolve(__dirname, '../../..');
const SRC = join(ROOT, 'client/src');

interface Call {
  api: string;
  file: string;
  line: number;
}

const isWx = (e: ts.Expression): boolean => {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isNonNullExpression(x)) x = x.expression;
  if (ts.isIdentifier(x)) return x.text === 'Taro' || x.text === 'wx';
  return ts.isPropertyAccessExpression(x) && x.name.text === 'wx';
};

/** Every use of a WeChat privacy API in one source file, by WECHAT_PRIVACY_APIS's keys (and deprecated pickers). */
function privacyCallsIn(file: string, text: string): Call[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Call[] = [];
  const add = (api: string, node: ts.Node) => found.push({ api, file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && isWx(node.expression) && (node.name.text in WECHAT_PRIVACY_APIS || node.name.text in DEPRECATED_APIS)) add(node.name.text, node);
    // authorize({ scope: 'scope.record' }): the scope asked for (not a `permission` entry's key).
    if (ts.isPropertyAssignment(node) && node.name.getText(sf) === 'scope' && ts.isStringLiteralLike(node.initializer) && node.initializer.text in WECHAT_PRIVACY_APIS) add(node.initializer.text, node);
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = node.tagName.getText(sf);
      if (`<${tag}>` in WECHAT_PRIVACY_APIS) add(`<${tag}>`, node);
      for (const a of node.attributes.properties) {
        if (!ts.isJsxAttribute(a) || !a.initializer || !ts.isStringLiteral(a.initializer)) continue;
        const name = a.name.getText(sf);
        if (name === 'openType' && `open-type=${a.initializer.text}` in WECHAT_PRIVACY_APIS) add(`open-type=${a.initializer.text}`, a);
        if (tag === 'Input' && name === 'type' && `input type=${a.initializer.text}` in WECHAT_PRIVACY_APIS) add(`input type=${a.initializer.text}`, a);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

/** Every call in client/src; `.h5.` files never reach WeChat but are scanned for deprecated pickers. */
const ALL = sources(SRC).flatMap((f) => privacyCallsIn(relative(ROOT, f).split('\\').join('/'), readFileSync(f, 'utf8')));
const WEAPP = ALL.filter((c) => !/\.h5\.tsx?$/.test(c.file) && c.api in WECHAT_PRIVACY_APIS);

describe('the scan itself', () => {
  it('finds Taro and wx calls, open-types, components and authorize scopes, and nothing in plain code', () => {
    const src = `
      import Taro from '@tarojs/taro';
      Taro.getLocation({});
      (globalThis as { wx?: any }).wx?.chooseAddress({});
      wx.authorize({ scope: 'scope.record' });
      const page = () => <View><Button openType='getPhoneNumber' /><Camera /><Input type='nickname' /><Button openType='contact' /></View>;
      Taro.chooseImage({});
      const other = { getLocation() {} }; other.getLocation(); Taro.makePhoneCall({ phoneNumber: '12345' });
    `;
    expect(privacyCallsIn('x.tsx', src).map((c) => [c.api, c.line])).toEqual([
      ['getLocation', 3],
      ['chooseAddress', 4],
      ['scope.record', 5],
      ['open-type=getPhoneNumber', 6],
      ['<Camera>', 6],
      ['input type=nickname', 6],
      ['chooseImage', 7],
    ]);
  });
});

describe('the information types the MP console must declare', () => {
  it('declares every privacy API the client calls, with WeChat’s information type for it', () => {
    const undeclared = WEAPP.filter((c) => PRIVACY_USES.find((u) => u.api === c.api)?.infoType !== WECHAT_PRIVACY_APIS[c.api]).map(
      (c) => `${c.file}:${c.line} calls ${c.api} (${WECHAT_PRIVACY_APIS[c.api]}): declare it in client/src/privacy/info-types.ts PRIVACY_USES and in the MP console's 用户隐私保护指引`,
    );
    expect(undeclared).toEqual([]);
  });

  it('names, for each declared API, exactly the files that call it (no stale entry, none missing)', () => {
    for (const use of PRIVACY_USES) {
      const files = [...new Set(WEAPP.filter((c) => c.api === use.api).map((c) => c.file))].sort();
      expect({ api: use.api, where: [...use.where].sort() }).toEqual({ api: use.api, where: files });
    }
  });

  it('uses the types WeChat names, each with a purpose, what refusing costs and what to do instead', () => {
    for (const use of PRIVACY_USES) {
      expect(WECHAT_PRIVACY_APIS[use.api]).toBe(use.infoType);
      expect(use.purpose).toMatch(/^用于/);
      expect(use.feature.length).toBeGreaterThan(1);
      expect(use.instead.length).toBeGreaterThan(1);
    }
    // No 摄像头: WeChat's own face check (wx.requestFacialVerify) films in WeChat's page, not ours.
    expect(declaredInfoTypes()).toEqual(['选中的照片或视频信息', '选择的位置信息', '相册（仅写入）权限']);
  });

  it('calls neither chooseImage nor chooseVideo anywhere (deprecated by WeChat: chooseMedia)', () => {
    expect(ALL.filter((c) => c.api in DEPRECATED_APIS).map((c) => `${c.file}:${c.line} ${c.api}`)).toEqual([]);
  });

  it('lists in requiredPrivateInfos exactly the location APIs it declares (app.config.ts reads the list)', () => {
    // Every location API WeChat names is in its table as a location type, so the scan above catches a new one.
    for (const api of LOCATION_APIS) expect(['位置信息', '选择的位置信息', '地址']).toContain(WECHAT_PRIVACY_APIS[api]);
    const called = [...new Set(WEAPP.map((c) => c.api).filter((api) => (LOCATION_APIS as readonly string[]).includes(api)))];
    expect(REQUIRED_PRIVATE_INFOS).toEqual(called);
    expect(REQUIRED_PRIVATE_INFOS).toEqual(['chooseLocation']);
    expect(readFileSync(join(SRC, 'app.config.ts'), 'utf8')).toMatch(/requiredPrivateInfos: REQUIRED_PRIVATE_INFOS/);
  });
});
