"use client";

import { useMemo, type ComponentProps } from "react";
import { expandDetails, type CompactDetails } from "./compact-details";
import { WheelExplorer } from "./wheel-explorer";

/** WheelExplorer with its details given compactly (compact-details.ts): each distinct text once in the page's data. */
export function CompactWheelExplorer({ compact, ...props }: Omit<ComponentProps<typeof WheelExplorer>, "details"> & { compact: CompactDetails }) {
  const details = useMemo(() => expandDetails(compact), [compact]);
  return <WheelExplorer details={details} {...props} />;
}
