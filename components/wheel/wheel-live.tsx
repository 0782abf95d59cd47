"use client";

import { WheelDrawing, type WheelModel } from "./wheel-drawing";
import { WheelTooltip } from "./wheel-tooltip";

/**
 * The page's wheel: drawn in the browser (and on the server for the first paint) from the flat model, so that the
 * page's data holds the model instead of the whole SVG as a React tree beside its HTML (issue 35, docs/decisions/013).
 */
export function LiveWheel({ model }: { model: WheelModel }) {
  return (
    <>
      <WheelDrawing model={model} />
      <WheelTooltip marks={model.marks} />
    </>
  );
}
