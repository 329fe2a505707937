/**
 * 关怀模式: one theme every page gets through <PageShell>. Text at least 1.3× larger,
 * darker secondary text for contrast, and taller tap targets. NutUI reads these CSS
 * variables; our own styles switch on the `page--care` class.
 */
export const CARE_SCALE = 1.35;

/** NutUI's base font sizes (px at its 375-wide design), from its default theme. */
const NUTUI_FONT_SIZES = { 1: 10, 2: 12, 3: 14, 4: 16, 5: 18, 6: 20 } as const;

function scaledFontVars(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [step, px] of Object.entries(NUTUI_FONT_SIZES)) {
    vars[`nutuiFontSize${step}`] = `${Math.round(px * CARE_SCALE)}px`;
  }
  return vars;
}

/** Our brand red (党建红) for NutUI's primary colour, on every page. */
export const BASE_THEME: Record<string, string> = {
  nutuiColorPrimary: '#c8161d',
  nutuiColorPrimaryStop1: '#e8533a',
  nutuiColorPrimaryStop2: '#c8161d',
  nutuiColorPrimaryPressed: '#a31017',
};

/** ConfigProvider theme (camelCase keys become `--nutui-…` variables). */
export const CARE_THEME: Record<string, string> = {
  ...BASE_THEME,
  ...scaledFontVars(),
  nutuiColorText: '#000000',
  nutuiColorTitle: '#000000',
  nutuiColorTextHelp: '#3a3a3a',
  nutuiGray5: '#404040',
  nutuiGray6: '#262626',
  nutuiButtonDefaultHeight: '52px',
  nutuiButtonLargeHeight: '60px',
  nutuiCellPadding: '18px 16px',
  nutuiTabsTitlesFontSize: '19px',
};

export function pageClassName(careMode: boolean, extra?: string): string {
  return ['page', careMode ? 'page--care' : '', extra ?? ''].filter(Boolean).join(' ');
}
