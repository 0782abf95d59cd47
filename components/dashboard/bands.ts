/**
 * The heat map's colours per band, shared by the (client) table and the (server) legend. Light fills with dark
 * text keep WCAG contrast; the percentage is always written, so colour is never the only cue. The classes are named in app/globals.css.
 */
export const BAND_CLASSES = {
  none: "heat-none",
  low: "heat-low",
  mid: "heat-mid",
  high: "heat-high",
  full: "heat-full",
  pending: "heat-pending",
} as const;
