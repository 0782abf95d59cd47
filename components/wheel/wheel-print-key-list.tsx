"use client";

/** The print key's lines (wheel-print-key.tsx): number and name of each activity. */
export function WheelPrintKeyList({ items }: { items: [number: string, name: string][] }) {
  return (
    <ol className="wheel-print-key hidden print:block" aria-hidden="true">
      {items.map(([number, name], i) => (
        <li key={i}>
          <strong>{number}</strong> {name}
        </li>
      ))}
    </ol>
  );
}
