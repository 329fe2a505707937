/**
 * The look of every page, as CSS variables <PageShell> puts on the page root: camelCase keys
 * become `--kebab-case` variables (as NutUI's ConfigProvider names them), read by NutUI
 * (`--nutui-…`) and by our own styles (`--llt-…`, see src/theme/_tokens.scss). One theme object
 * per mode is the whole mechanism; nothing else switches on care mode for sizes.
 *
 * 关怀模式 follows the 工信部《移动互联网应用（App）适老化通用设计规范》 and WeChat's 适老化设计指南:
 * main text ≥ 18 px (here 20 px, or the phone's own setting when it is larger), tap targets
 * ≥ 60 × 60 px (≥ 44 × 44 px in normal mode), line height ≥ 1.3, text contrast ≥ 4.5:1. These
 * sizes are fixed CSS pixels, not scaled with the screen width as the 750 design is: an elderly
 * resident's small phone needs the same 18 px. tests/e2e/care.e2e.ts measures every page.
 */

/** The smallest sizes the rules allow, in CSS px. */
export const CARE_RULES = { minText: 18, minTap: 60, minTapNormal: 44, minContrast: 4.5 } as const;

/** Main text in 关怀模式 when the phone's own setting is no larger. */
export const CARE_BODY_PX = 20;
/** The largest main text we follow the phone to (beyond it, lines of two characters). */
const CARE_BODY_MAX_PX = 26;
/** WeChat's standard text is 17 px on iOS and 16 px on Android; from +2 steps we offer 关怀模式. */
export const LARGE_PHONE_TEXT_PX = 19.5;

/** NutUI's base font sizes (px at its 375-wide design), from its default theme. */
const NUTUI_FONT_SIZES = { 1: 10, 2: 12, 3: 14, 4: 16, 5: 18 } as const;

/** Our brand red (党建红) for NutUI's primary colour, on every page. */
const BRAND: Record<string, string> = {
  nutuiColorPrimary: '#c8161d',
  // NutUI's gradients run between these: both dark enough for white text (5.9:1 and 7.6:1).
  nutuiColorPrimaryStop1: '#c8161d',
  nutuiColorPrimaryStop2: '#a31017',
  // Tags carry white text too: green, amber and blue at 4.5:1 or more.
  nutuiTagSuccessBackgroundColor: '#1a7f37',
  nutuiTagWarningBackgroundColor: '#a15c00',
  nutuiTagInfoBackgroundColor: '#1a5fa8',
  nutuiTagPrimaryBackgroundColor: '#c8161d',
  // NutUI's red for danger (#fa2c19) carries white text at 3.9:1.
  nutuiColorDanger: '#c8161d',
  // Darker than NutUI's greys (#8c8c8c on white is 3.4:1): every text ≥ 4.5:1 on white.
  nutuiGray5: '#666666',
  nutuiGray6: '#595959',
  // A disabled primary button keeps readable text: white on this red is 4.6:1.
  nutuiColorPrimaryDisabled: '#d9534f',
};

/** A switch `width` × `height` px, its knob inset by 4 px on each side. */
function switchVars(width: number, height: number): Record<string, string> {
  const knob = height - 8;
  return {
    nutuiSwitchWidth: `${width}px`,
    nutuiSwitchHeight: `${height}px`,
    nutuiSwitchLineHeight: `${height}px`,
    nutuiSwitchBorderRadius: `${height / 2}px`,
    nutuiSwitchInsideWidth: `${knob}px`,
    nutuiSwitchInsideHeight: `${knob}px`,
    nutuiSwitchInsideCloseTransform: 'translateX(4px)',
    nutuiSwitchInsideOpenTransform: `translateX(${width - knob - 4}px)`,
  };
}

/** Controls at least 44 × 44 px in normal mode; text keeps the 750 design (scaled per screen). */
export const BASE_THEME: Record<string, string> = {
  ...BRAND,
  lltTapMin: `${CARE_RULES.minTapNormal}px`,
  nutuiButtonDefaultHeight: '44px',
  nutuiButtonSmallHeight: '44px',
  nutuiButtonMiniHeight: '44px',
  nutuiButtonLargeHeight: '48px',
  nutuiTabsTitlesHeight: '44px',
  nutuiInputnumberButtonWidth: '44px',
  nutuiInputnumberButtonHeight: '44px',
  nutuiInputnumberInputHeight: '44px',
  nutuiInputnumberInputWidth: '56px',
  nutuiInputnumberIconSize: '14px',
  ...switchVars(64, CARE_RULES.minTapNormal),
};

/** Main text size in 关怀模式 for the phone's font setting (px; NaN or undefined off WeChat). */
export function careBodyPx(phoneFontPx?: number): number {
  if (!phoneFontPx || !Number.isFinite(phoneFontPx)) return CARE_BODY_PX;
  return Math.min(CARE_BODY_MAX_PX, Math.max(CARE_BODY_PX, Math.round(phoneFontPx)));
}

const px = (n: number) => `${Math.round(n)}px`;

/**
 * 关怀模式: every NutUI font size and our text tokens at least 18 px (and at least 1.3× NutUI's
 * defaults), scaled from the main text size, so a phone set to larger text gets larger text here.
 */
export function careTheme(phoneFontPx?: number): Record<string, string> {
  const body = careBodyPx(phoneFontPx);
  const scale = body / CARE_BODY_PX;
  const size = (n: number) => px(Math.max(CARE_RULES.minText, n * scale));
  const nutuiFonts: Record<string, string> = {};
  // 10 and 12 px (badges, descriptions, small buttons) become the minimum; the rest grow with the body.
  const CARE_FONT_SIZES = { 1: 18, 2: 18, 3: 20, 4: 22, 5: 24 } as const;
  for (const step of Object.keys(NUTUI_FONT_SIZES) as unknown as (keyof typeof NUTUI_FONT_SIZES)[]) {
    nutuiFonts[`nutuiFontSize${step}`] = size(CARE_FONT_SIZES[step]);
  }
  const tap = px(Math.max(CARE_RULES.minTap, body * 3));
  return {
    ...BRAND,
    ...nutuiFonts,
    // Our own text, by role (src/theme/_tokens.scss).
    lltTextSmall: size(18),
    lltTextBody: size(20),
    lltTextTitle: size(22),
    lltTextLarge: size(26),
    lltTextFigure: size(40),
    lltTapMin: tap,
    lltColorText: '#000000',
    lltColorMuted: '#333333',
    lltChartBar: px(20 * scale),
    lltTabIcon: px(30 * scale),
    lltFieldDirection: 'column',
    lltFieldAlign: 'stretch',
    lltFieldLabel: 'auto',
    lltFieldLabelPadding: '12px 0 4px',
    lltFieldIndent: '0',
    // Black text, dark greys for what is secondary: well above 4.5:1.
    nutuiGray5: '#404040',
    nutuiGray6: '#262626',
    nutuiGray7: '#000000',
    // Controls a finger finds: 60 px and more.
    nutuiButtonDefaultHeight: tap,
    nutuiButtonSmallHeight: tap,
    nutuiButtonMiniHeight: tap,
    nutuiButtonLargeHeight: px(Math.max(64, body * 3.2)),
    nutuiButtonDefaultFontSize: size(20),
    nutuiButtonSmallFontSize: size(18),
    nutuiButtonMiniFontSize: size(18),
    nutuiButtonLargeFontSize: size(22),
    nutuiCellPadding: '16px 16px',
    nutuiCellLineHeight: px(body * 1.45),
    nutuiCellTitleFontSize: size(20),
    nutuiCellDescriptionFontSize: size(18),
    nutuiCellExtraFontSize: size(20),
    nutuiCellGroupTitleFontSize: size(20),
    nutuiCellGroupDescriptionFontSize: size(18),
    nutuiCellGroupDescriptionLineHeight: px(18 * scale * 1.4),
    nutuiTabsTitlesHeight: tap,
    nutuiTabsTitlesFontSize: size(20),
    nutuiTabsTitlesItemActiveFontSize: size(22),
    nutuiTabsTitlesGap: '16px',
    nutuiInputFontSize: size(20),
    nutuiInputPadding: '16px 16px',
    nutuiTextareaFont: size(20),
    nutuiCheckboxLabelFontSize: size(20),
    nutuiCheckboxIconFontSize: size(28),
    nutuiRadioLabelFontSize: size(20),
    nutuiRadioIconFontSize: size(28),
    ...switchVars(96, Math.max(CARE_RULES.minTap, body * 3)),
    nutuiInputnumberButtonWidth: tap,
    nutuiInputnumberButtonHeight: tap,
    nutuiInputnumberInputHeight: tap,
    nutuiInputnumberInputWidth: '72px',
    nutuiInputnumberIconSize: '20px',
    nutuiTagFontSize: size(18),
    nutuiTagHeight: px(28 * scale),
    nutuiTagPadding: '0 8px',
    nutuiProgressTextFontSize: size(18),
    nutuiProgressHeight: px(16 * scale),
    nutuiBadgeFontSize: size(18),
    nutuiBadgeHeight: px(24 * scale),
    nutuiDialogHeaderFontSize: size(22),
    nutuiDialogContentLineHeight: px(body * 1.5),
    nutuiPickerItemHeight: tap,
    nutuiPickerItemTextFontSize: size(20),
    nutuiPickerTitleOkFontSize: size(20),
    nutuiPickerTitleCancelFontSize: size(20),
    nutuiPopupTitleFontSize: size(24),
    nutuiToastTextFontSize: size(20),
    nutuiEmptyTitleLineHeight: size(20),
  };
}

/** The theme for a page: 关怀模式 (following the phone's font size) or the normal one. */
export function themeFor(careMode: boolean, phoneFontPx?: number): Record<string, string> {
  return careMode ? careTheme(phoneFontPx) : BASE_THEME;
}

/** `nutuiFontSize1` → `--nutui-font-size-1`: a theme as the style of the element that holds it. */
export function cssVariables(theme: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(theme).map(([key, value]) => [
      `--${key.replace(/([a-z])([A-Z0-9])/g, '$1-$2').toLowerCase()}`,
      value,
    ]),
  );
}

export function pageClassName(careMode: boolean, extra?: string): string {
  return ['page', careMode ? 'page--care' : '', extra ?? ''].filter(Boolean).join(' ');
}
