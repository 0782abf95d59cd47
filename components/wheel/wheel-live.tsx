"use client";

import { useMemo } from "react";
import { WheelDrawing } from "./wheel-drawing";
import { expandWheelWire, type WheelWire } from "./wheel-wire";
import { WheelTooltip } from "./wheel-tooltip";

/**
 * The page's wheel: drawn in the browser (and on the server for the first paint) from the flat model, so that the
 * page's data holds the model (compactly, wheel-wire.ts) instead of the whole SVG as a React tree beside its HTML (issue
 * 35, docs/decisions/013).
 */
export function LiveWheel({ wire }: { wire: WheelWire }) {
  const model = useMemo(() => expandWheelWire(wire), [wire]);
  return (
    <>
      <WheelDrawing model={model} />
      <WheelTooltip marks={model.marks} />
    </>
  );
}
