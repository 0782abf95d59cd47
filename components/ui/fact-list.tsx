import { Fragment, type ReactNode } from "react";

/**
 * Terms and their values as a description list, two columns from sm up. A term whose value is `null` or
 * `false` is left out; `prose` keeps a long value to reading width.
 */
export function FactList({ facts, small = false }: { facts: [term: string, value: ReactNode, prose?: boolean][]; small?: boolean }) {
  return (
    <dl className={`grid grid-cols-1 gap-x-6 gap-y-1 ${small ? "text-sm " : ""}sm:grid-cols-[max-content_1fr]`}>
      {facts
        .filter(([, value]) => value !== null && value !== false)
        .map(([term, value, prose]) => (
          <Fragment key={term}>
            <dt className="font-semibold">{term}</dt>
            <dd className={prose ? "max-w-3xl" : undefined}>{value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}
