import { renderWheelExportSvg } from "@/components/wheel/wheel-export";
import { downloadResponse, searchParamsOf } from "@/lib/export/download";
import { dataForView, exportFilename, hiddenLayerNames, viewName, wheelExportInfo } from "@/lib/wheel/export";
import { getWheelData } from "@/lib/wheel/data";
import { EXPORT_FONT_FAMILY, svgToPng } from "@/lib/wheel/png";
import { wheelParamsSchema } from "@/lib/wheel/schemas";
import { resolveView, wheelViewSchema, withoutHiddenLayers } from "@/lib/wheel/views";
import { z } from "zod";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(["svg", "png"]).catch("png");

/**
 * "Ladda ner" on the wheel: the wheel of the user's own scope as SVG or PNG (?format=svg|png), of the page's year,
 * unit, zoom and layers (the same query string as / and /arshjul). A unit the user may not see, or a year without
 * a wheel, is 404 rather than another unit's or year's wheel.
 */
export async function GET(request: Request) {
  return downloadResponse("routine:read", { forbidden: "Du har inte behörighet till årshjulet.", missing: "Det finns inget sådant årshjul för dig." }, async (user) => {
    const query = searchParamsOf(request);
    const params = wheelParamsSchema.parse(query);
    const all = await getWheelData(user, params);
    if (!all || (params.unitId !== undefined && all.unit?.id !== params.unitId) || (params.year !== undefined && all.year !== params.year)) return null;
    const viewParams = wheelViewSchema.parse(query);
    const view = resolveView(viewParams, all.year, all.today, all.firstMonth);
    const data = dataForView(withoutHiddenLayers(all, viewParams.hidden), view);
    const info = wheelExportInfo(data, viewName(view, all.year, all.firstMonth), hiddenLayerNames(viewParams.hidden, all.routines));
    const format = formatSchema.parse(query.format);
    const svg = renderWheelExportSvg(data, info, format === "png" ? EXPORT_FONT_FAMILY : `'${EXPORT_FONT_FAMILY}', system-ui, 'Segoe UI', Roboto, Arial, sans-serif`);
    const filename = exportFilename(all.year, all.unit?.name ?? null, view, format);
    return format === "svg" ? { filename, type: "svg", body: svg } : { filename, type: "png", body: svgToPng(svg) };
  });
}
