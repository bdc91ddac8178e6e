/**
 * Colours chosen for contrast (WCAG AA, 4.5:1 for text, as axe checks in the browser flows): antd's
 * primary #1677ff reaches 4.1:1 with white, its secondary text (#8c8c8c) 3.4:1, its placeholders
 * (#bfbfbf) 1.8:1, its red 3.3:1 and the text of its coloured tags 2.2 to 3.4:1 on their tints.
 * The primary here is a shade darker (5.2:1 with white), secondary text and placeholders darker greys
 * (5.7:1 and 4.7:1), the red antd's red-7 (5.6:1), and tag text each colour's 8th or 9th shade
 * (5.1 to 8.9:1 on its tag's tint).
 */
export const BRAND_PRIMARY = '#1668dc';

/** Each preset tag colour's text shade (antd's `${colour}7`, used by `<Tag color="green">`). */
const tagText = {
  green7: '#237804',
  cyan7: '#006d75',
  volcano7: '#ad2102',
  orange7: '#ad4e00',
  gold7: '#874d00',
  red7: '#a8071a',
  magenta7: '#9e1068',
  purple7: '#531dab',
  geekblue7: '#1d39c4',
  blue7: '#0958d9',
  lime7: '#3f6600',
  yellow7: '#876800',
};

export const THEME = {
  token: {
    colorPrimary: BRAND_PRIMARY,
    colorLink: BRAND_PRIMARY,
    colorError: '#cf1322',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    borderRadius: 6,
  },
  components: {
    // Status tags (success, warning, error, processing) take their text from these.
    Tag: {
      ...tagText,
      colorSuccess: '#237804',
      colorWarning: '#ad4e00',
      colorError: '#a8071a',
      colorInfo: '#0958d9',
    },
    Typography: { colorSuccessText: '#237804', colorWarningText: '#ad4e00' },
    // A field's warning (a date that looks unlikely) is text under it, in the same dark amber.
    Form: { colorWarning: '#ad4e00' },
    // "No data" in tables and lists is text too (antd greys it like a disabled control).
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' },
    Empty: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' },
  },
};
