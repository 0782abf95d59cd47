"use client";

import { useMemo, type ComponentProps } from "react";
import { expandDetails, type CompactDetails } from "./compact-details";
import { WheelExplorer } from "./wheel-explorer";
import { wireMarks, type WheelWire } from "./wheel-wire";

/**
 * WheelExplorer with its details given compactly (compact-details.ts): each distinct text once in the page's data.
 * `wire` (/arshjul): the same wheel the page draws (one object in the page's data), whose marks' ids and titles the details use.
 */
export function CompactWheelExplorer({ compact, wire, ...props }: Omit<ComponentProps<typeof WheelExplorer>, "details"> & { compact: CompactDetails; wire?: WheelWire }) {
  const details = useMemo(() => expandDetails(compact, wire ? wireMarks(wire) : []), [compact, wire]);
  return <WheelExplorer details={details} {...props} />;
}
