/**
 * The heat map's colours per band, shared by the (client) table and the (server) legend. Light fills with dark
 * text keep WCAG contrast; the percentage is always written, so colour is never the only cue.
 */
export const BAND_CLASSES = {
  none: "bg-white text-slate-600",
  low: "bg-red-100 text-red-950",
  mid: "bg-amber-100 text-amber-950",
  high: "bg-lime-100 text-lime-950",
  full: "bg-green-200 text-green-950",
  pending: "bg-blue-50 text-blue-950",
} as const;
