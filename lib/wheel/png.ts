import "server-only";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";

/**
 * The fonts the PNG's text is drawn with: DejaVu Sans, shipped in assets/fonts (its licence beside it), so that a
 * server without any system fonts still writes the names (resvg draws text with no font as nothing). It covers the
 * status signs ✓ ◑ ◔ ○ – ! as well as å, ä and ö. docs/decisions/026.
 */
export const EXPORT_FONT_FAMILY = "DejaVu Sans";
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => path.join(process.cwd(), "assets", "fonts", f));

/** The SVG document as a PNG `width` pixels wide (height by its aspect), on white. */
export function svgToPng(svg: string, width = 2400): Uint8Array<ArrayBuffer> {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: width },
    background: "#ffffff",
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: EXPORT_FONT_FAMILY, sansSerifFamily: EXPORT_FONT_FAMILY },
  });
  return new Uint8Array(resvg.render().asPng());
}
