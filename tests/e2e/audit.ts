/**
 * Measures the page in front against the 适老化 rules (工信部《移动互联网应用（App）适老化通用设计
 * 规范》, WeChat's 适老化设计指南) and says, for each failure, which element and what it measured:
 * - text: every visible piece of text at least `minText` px (关怀模式), consent and legal notes
 *   (`.agreement`) as large as the page's body text, at least 4.5:1 against
 *   what is behind it, and no short label leaving one character on a line of its own (捐/赠);
 * - tap targets: everything that takes a tap at least `minTap` × `minTap` px — found by the
 *   handler React attached (`__reactProps$…`), not by class names a page could forget, plus
 *   NutUI's controls and form inputs;
 * - layout: nothing reaches past the right edge of the screen unless it sits in a box that
 *   scrolls sideways (a tab strip).
 * It runs inside the page (page.evaluate), so it reads what Chromium really laid out.
 */
import type { Page } from 'playwright-core';

export interface AuditRules {
  /** Smallest text in px; null: not checked (normal mode). */
  minText: number | null;
  minTap: number;
  minContrast: number;
}

/** Clickable without a handler React can see: NutUI's own controls and the form inputs. */
const CONTROLS = [
  '.nut-button',
  '.llt-button',
  '.nut-cell--clickable',
  '.nut-switch',
  '.nut-checkbox',
  '.nut-radio',
  '.nut-tabs-titles-item',
  '.nut-inputnumber-icon',
  'input:not([type=hidden])',
  'textarea',
  '.weui-tabbar__item',
  '.llt-tab-bar__item',
].join(',');

/** Only these short texts are checked for a lone character on the last line: labels, names, buttons. */
const SHORT_TEXT = 12;

export async function auditPage(page: Page, rules: AuditRules): Promise<string[]> {
  return page.evaluate(
    ({ rules, controls, shortText }) => {
      const failures: string[] = [];
      const front = document.querySelector('.taro_page:not(.taro_page_shade)');
      if (!front) return ['no page in front'];
      const roots: Element[] = [front];
      // Fixed bars outside the page: Taro's tab bar, and 关怀模式's own (inside the page).
      document.querySelectorAll('.weui-tabbar').forEach((bar) => roots.push(bar));

      const describe = (el: Element): string => {
        const id = el.getAttribute('data-testid');
        const classes = Array.from(el.classList)
          .filter((c) => !c.startsWith('hydrated'))
          .slice(0, 2);
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
        return `<${el.tagName.toLowerCase()}${id ? ` data-testid="${id}"` : ''}${classes.length ? ` class="${classes.join(' ')}"` : ''}>${text ? ` "${text}"` : ''}`;
      };
      const visible = (el: Element): boolean => {
        if (el.closest('[data-testid="skeleton"], [aria-hidden="true"]')) return false;
        const rects = el.getClientRects();
        if (rects.length === 0) return false;
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) return false;
        for (let node: Element | null = el; node; node = node.parentElement) {
          const style = getComputedStyle(node);
          if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0)
            return false;
        }
        return true;
      };
      const inScope = (el: Element) => roots.some((root) => root.contains(el));

      // --- colours
      type Rgba = [number, number, number, number];
      const parse = (css: string): Rgba[] =>
        [...css.matchAll(/rgba?\(([^)]+)\)/g)].map((m) => {
          const [r, g, b, a = '1'] = m[1].split(/[\s,/]+/).filter(Boolean);
          return [Number(r), Number(g), Number(b), Number(a)];
        });
      const over = (top: Rgba, bottom: Rgba): Rgba => {
        const a = top[3] + bottom[3] * (1 - top[3]);
        if (a === 0) return [255, 255, 255, 0];
        const mix = (i: number) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
        return [mix(0), mix(1), mix(2), a];
      };
      const luminance = ([r, g, b]: Rgba) => {
        const lin = (c: number) => {
          const v = c / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const ratio = (a: Rgba, b: Rgba) => {
        const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (l1 + 0.05) / (l2 + 0.05);
      };
      /** The colours that may be behind `el`: its first painted backgrounds, a gradient's stops. */
      const backdrops = (el: Element): Rgba[] | null => {
        let base: Rgba = [0, 0, 0, 0];
        for (let node: Element | null = el; node; node = node.parentElement) {
          const style = getComputedStyle(node);
          if (style.backgroundImage.includes('url(')) return null; // text on a picture: not judged
          const stops = parse(style.backgroundImage);
          if (stops.length > 0) return stops.map((stop) => over(base, stop));
          const [colour] = parse(style.backgroundColor);
          if (colour && colour[3] > 0) {
            base = over(base, colour);
            if (base[3] >= 0.99) return [base];
          }
        }
        return [over(base, [255, 255, 255, 1])];
      };
      const opacityOf = (el: Element) => {
        let opacity = 1;
        for (let node: Element | null = el; node; node = node.parentElement)
          opacity *= Number(getComputedStyle(node).opacity);
        return opacity;
      };

      // --- text: size, contrast, lone characters
      for (const root of roots) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = (node.textContent ?? '').trim();
          const el = node.parentElement;
          if (!text || !el || !visible(el)) continue;
          const style = getComputedStyle(el);
          const size = parseFloat(style.fontSize);
          if (rules.minText !== null && size < rules.minText - 0.01) {
            failures.push(`text ${size}px < ${rules.minText}px: ${describe(el)}`);
          }
          // Consent and legal notes are read as body text, never as small print.
          const legal = el.closest('.agreement');
          const page = el.closest('.page');
          if (legal && page) {
            const body = parseFloat(getComputedStyle(page).fontSize);
            if (size < body - 0.01) failures.push(`legal text ${size}px < body ${body}px: ${describe(el)}`);
          }
          const disabled = el.closest(
            '[disabled], .nut-button-disabled, .nut-button--disabled, .nut-input-disabled',
          );
          const behind = backdrops(el);
          if (!disabled && behind) {
            const [colour] = parse(style.color);
            const worst = Math.min(
              ...behind.map((bg) =>
                ratio(over([colour[0], colour[1], colour[2], colour[3] * opacityOf(el)], bg), bg),
              ),
            );
            if (worst < rules.minContrast)
              failures.push(`contrast ${worst.toFixed(2)}:1 < ${rules.minContrast}:1: ${describe(el)}`);
          }
        }
      }

      // A short label (a button, a tag, a name) that wraps must not leave one character alone:
      // judged per element over all its text, as the line is read (「市 捐赠」 is three).
      for (const root of roots) {
        for (const el of Array.from(root.querySelectorAll('*'))) {
          const text = (el.textContent ?? '').replace(/\s+/g, '');
          if (text.length < 2 || text.length > shortText || !visible(el)) continue;
          if (Array.from(el.children).some((child) => getComputedStyle(child).display !== 'inline')) continue;
          const range = document.createRange();
          const tops: number[] = [];
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const full = node.textContent ?? '';
            for (let i = 0; i < full.length; i += 1) {
              if (!full[i].trim()) continue;
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const rect = range.getBoundingClientRect();
              if (rect.width > 0) tops.push(Math.round(rect.top));
            }
          }
          // Characters of one line sit within a few px of each other (digits and 汉字 differ slightly).
          const sorted = [...tops].sort((a, b) => a - b);
          const lines: number[][] = [];
          for (const top of sorted) {
            const line = lines[lines.length - 1];
            if (line && top - line[line.length - 1] <= 6) line.push(top);
            else lines.push([top]);
          }
          if (lines.length > 1 && lines[lines.length - 1].length === 1) {
            failures.push(`one character alone on its last line: ${describe(el)}`);
          }
        }
      }

      // --- tap targets
      // NutUI's own elements carry handlers of their own (a Tag's, an icon's): only Taro's views,
      // where our pages put onClick, are judged by their handler; NutUI's controls by CONTROLS.
      const tappable = (el: Element): boolean => {
        if (el.matches(controls)) return true;
        if (!el.tagName.startsWith('TARO-')) return false;
        const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
        const props = key ? (el as unknown as Record<string, Record<string, unknown>>)[key] : undefined;
        return Boolean(props && (typeof props.onClick === 'function' || typeof props.onTap === 'function'));
      };
      for (const root of roots) {
        for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
          if (!tappable(el) || !visible(el) || !inScope(el)) continue;
          if (getComputedStyle(el).pointerEvents === 'none') continue;
          // A wrapper React gave the same handler as the control inside it counts once: the control.
          const rect = el.getBoundingClientRect();
          if (rect.width < rules.minTap - 0.5 || rect.height < rules.minTap - 0.5) {
            failures.push(
              `tap target ${Math.round(rect.width)}×${Math.round(rect.height)} < ${rules.minTap}×${rules.minTap}: ${describe(el)}`,
            );
          }
        }
      }

      // --- sideways overflow
      const width = document.documentElement.clientWidth;
      // Inside something that scrolls sideways (tabs, chips) it can be reached; a picture may be
      // cropped by its frame (aspectFill). Text cut off by a frame that does not scroll (a tab
      // title under overflow: hidden) cannot be read, so it counts as past the edge.
      const scrollsSideways = (el: Element): boolean => {
        for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
          const overflow = getComputedStyle(node).overflowX;
          const crops = overflow === 'hidden' && el.tagName === 'IMG';
          if (overflow === 'auto' || overflow === 'scroll' || crops) {
            if (node.getBoundingClientRect().right <= width + 1) return true;
          }
        }
        return false;
      };
      const beyond = new Set<Element>();
      for (const root of roots) {
        for (const el of Array.from(root.querySelectorAll('*'))) {
          if (visible(el) && el.getBoundingClientRect().right > width + 1 && !scrollsSideways(el))
            beyond.add(el);
        }
      }
      // The outermost only: what is inside an element past the edge is past it too.
      for (const el of beyond) {
        if (el.parentElement && beyond.has(el.parentElement)) continue;
        const right = Math.round(el.getBoundingClientRect().right);
        failures.push(`past the right edge (${right} > ${width}px): ${describe(el)}`);
      }
      return [...new Set(failures)];
    },
    { rules, controls: CONTROLS, shortText: SHORT_TEXT },
  );
}
