/**
 * 关怀模式 must make NutUI's text at least 1.3× larger and never smaller than 18 px, and every
 * variable the themes set must be one NutUI (or our own styles) reads. The defaults come from
 * NutUI's own stylesheets (not a copy), and the variables are read from what <ConfigProvider>
 * really puts on the page, so a renamed key or a drifted default fails here. (The pages
 * themselves are measured in a browser: tests/e2e/care.e2e.ts.)
 */
import fs from 'fs';
import path from 'path';
import { createElement } from 'react';
import { render } from '@testing-library/react';
import { ConfigProvider } from '@nutui/nutui-react-taro';
import {
  BASE_THEME,
  CARE_RULES,
  careBodyPx,
  careTheme,
  cssVariables,
  pageClassName,
} from '../../src/theme/care';

const CARE_THEME = careTheme();

const NUTUI_DIST = path.join(__dirname, '../../node_modules/@nutui/nutui-react-taro/dist');

/** `--name: value` declarations of the default theme plus `var(--name, fallback)` defaults of every component. */
function nutuiDefaults(): Map<string, string> {
  const defaults = new Map<string, string>();
  const theme = fs.readFileSync(path.join(NUTUI_DIST, 'styles/theme-default.css'), 'utf8');
  for (const [, name, value] of theme.matchAll(/(--nutui-[\w-]+)\s*:\s*([^;]+);/g))
    defaults.set(name, value.trim());
  const esm = path.join(NUTUI_DIST, 'esm');
  for (const component of fs.readdirSync(esm)) {
    const css = path.join(esm, component, 'style/style.css');
    if (!fs.existsSync(css)) continue;
    const text = fs.readFileSync(css, 'utf8');
    for (const [, name, fallback] of text.matchAll(
      /var\((--nutui-[\w-]+),\s*((?:[^()]|\([^()]*(?:\([^()]*\))?[^()]*\))+)\)/g,
    )) {
      if (!defaults.has(name)) defaults.set(name, fallback.trim());
    }
  }
  return defaults;
}

/** Every `var(--nutui-…)` NutUI's stylesheets read, and `--llt-…` our own styles read. */
function readVariables(): Set<string> {
  const names = new Set<string>();
  const esm = path.join(NUTUI_DIST, 'esm');
  const sheets = fs
    .readdirSync(esm)
    .map((component) => path.join(esm, component, 'style/style.css'))
    .filter((css) => fs.existsSync(css));
  sheets.push(path.join(NUTUI_DIST, 'styles/theme-default.css'));
  const ours: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.scss')) ours.push(full);
    }
  };
  walk(path.join(__dirname, '../../src'));
  for (const file of [...sheets, ...ours]) {
    for (const [, name] of fs.readFileSync(file, 'utf8').matchAll(/var\((--(?:nutui|llt)-[\w-]+)/g))
      names.add(name);
  }
  // text(role, …) in src/theme/_tokens.scss reads --llt-text-<role>.
  for (const file of ours) {
    for (const [, role] of fs.readFileSync(file, 'utf8').matchAll(/text\((\w+),/g))
      names.add(`--llt-text-${role}`);
  }
  return names;
}

/** A default in px, following `var(--x, fallback)` chains. */
function resolvePx(value: string, defaults: Map<string, string>, depth = 0): number {
  if (depth > 5) throw new Error(`var() chain too deep at ${value}`);
  const plain = /^(\d+(?:\.\d+)?)px$/.exec(value);
  if (plain) return Number(plain[1]);
  const ref = /^var\((--[\w-]+)(?:,\s*(.+))?\)$/.exec(value);
  if (ref) {
    const [, name, fallback] = ref;
    const next = defaults.get(name) ?? fallback;
    if (next === undefined) throw new Error(`no default for ${name}`);
    return resolvePx(next.trim(), defaults, depth + 1);
  }
  throw new Error(`cannot read a px size from "${value}"`);
}

/** The CSS variables PageShell puts on the page root for a theme, as the browser reads them. */
function renderedVars(theme: Record<string, string>): Map<string, string> {
  const { container, unmount } = render(createElement('div', { style: cssVariables(theme) }, 'text'));
  const style = (container.firstElementChild as HTMLElement).style;
  const vars = new Map<string, string>();
  for (let i = 0; i < style.length; i++) {
    const name = style.item(i);
    vars.set(name, style.getPropertyValue(name).trim());
  }
  unmount();
  return vars;
}

const MIN_FACTOR = 1.3;

/** Font-size variables a theme sets below MIN_FACTOR × NutUI's default. */
function fontSizesTooSmall(theme: Record<string, string>, defaults: Map<string, string>) {
  return [...renderedVars(theme)]
    .filter(([name]) => name.includes('font-size'))
    .map(([name, value]) => ({
      name,
      care: resolvePx(value, defaults),
      base: resolvePx(defaults.get(name) ?? '', defaults),
    }))
    .filter(({ care, base }) => care < base * MIN_FACTOR);
}

describe('关怀模式 theme', () => {
  const defaults = nutuiDefaults();

  test('NutUI’s own defaults are found (read from the installed version)', () => {
    expect(resolvePx(defaults.get('--nutui-font-size-1')!, defaults)).toBe(10);
    expect(resolvePx(defaults.get('--nutui-font-size-3')!, defaults)).toBe(14);
    expect(resolvePx(defaults.get('--nutui-tabs-titles-font-size')!, defaults)).toBe(14);
  });

  test('the variables are named as NutUI’s ConfigProvider names them', () => {
    const { container, unmount } = render(createElement(ConfigProvider, { theme: CARE_THEME }, 'text'));
    const style = (container.firstElementChild as HTMLElement).style;
    const theirs = new Map<string, string>();
    for (let i = 0; i < style.length; i++)
      theirs.set(style.item(i), style.getPropertyValue(style.item(i)).trim());
    unmount();
    const ours = renderedVars(CARE_THEME);
    for (const [name, value] of theirs)
      if (name.startsWith('--')) expect([name, ours.get(name)]).toEqual([name, value]);
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].filter((n) => n.startsWith('--')).sort());
  });

  test('the theme becomes NutUI variables, the base font sizes among them', () => {
    const vars = renderedVars(CARE_THEME);
    for (let step = 1; step <= 5; step++) expect(vars.get(`--nutui-font-size-${step}`)).toMatch(/^\d+px$/);
  });

  test('every font size the theme sets is at least 1.3× NutUI’s default', () => {
    const fontVars = [...renderedVars(CARE_THEME).keys()].filter((name) => name.includes('font-size'));
    expect(fontVars.length).toBeGreaterThanOrEqual(5);
    expect(fontSizesTooSmall(CARE_THEME, defaults)).toEqual([]);
  });

  test('the check catches a size that is not scaled enough', () => {
    const shrunk = { ...CARE_THEME, nutuiFontSize3: '18px', nutuiTabsTitlesFontSize: '14px' }; // 14px × 1.3 = 18.2
    expect(
      fontSizesTooSmall(shrunk, defaults)
        .map((v) => v.name)
        .sort(),
    ).toEqual(['--nutui-font-size-3', '--nutui-tabs-titles-font-size']);
  });

  test('every variable either theme sets is read by NutUI or by our styles (none is a typo)', () => {
    const read = readVariables();
    for (const theme of [CARE_THEME, BASE_THEME, careTheme(24)]) {
      const unread = [...renderedVars(theme).keys()].filter((name) => !read.has(name));
      expect(unread).toEqual([]);
    }
  });

  test('no font size of 关怀模式 is below 18 px, whatever the phone is set to', () => {
    for (const phone of [undefined, Number.NaN, 14, 17, 20, 23.8, 40]) {
      const small = [...renderedVars(careTheme(phone))]
        .filter(([name]) => name.includes('font-size') || name.startsWith('--llt-text-'))
        .filter(([, value]) => resolvePx(value, defaults) < CARE_RULES.minText);
      expect({ phone, small }).toEqual({ phone, small: [] });
    }
  });

  test('关怀模式 follows the phone: larger text on a phone set to large text, 20 px otherwise', () => {
    expect(careBodyPx(undefined)).toBe(20);
    expect(careBodyPx(17)).toBe(20);
    expect(careBodyPx(23.8)).toBe(24);
    expect(careBodyPx(40)).toBe(26);
    expect(renderedVars(careTheme(23.8)).get('--llt-text-body')).toBe('24px');
    expect(renderedVars(careTheme()).get('--llt-tap-min')).toBe('60px');
    expect(renderedVars(BASE_THEME).get('--llt-tap-min')).toBe('44px');
  });

  test('pageClassName adds page--care only in care mode', () => {
    expect(pageClassName(true, 'home')).toBe('page page--care home');
    expect(pageClassName(false, 'home')).toBe('page home');
    expect(pageClassName(false)).toBe('page');
  });
});
