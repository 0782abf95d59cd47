import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";

type HeadingSize = "page" | "title";
const HEADINGS: Record<HeadingSize, string> = {
  /** A fixed large heading, for pages with short fixed names. */
  page: "text-3xl font-bold",
  /** Smaller on phones and free to break anywhere, for headings with a routine's or an activity's name. */
  title: "text-2xl font-bold wrap-anywhere sm:text-3xl",
};

/** A link back to the page above, written "← label". */
export function BackLink({ href, printable = true, children }: { href: string; printable?: boolean; children: ReactNode }) {
  return (
    <p className={printable ? undefined : "no-print"}>
      <Link href={href} className="text-blue-800 underline">
        ← {children}
      </Link>
    </p>
  );
}

/** A page's h1 with its optional back link, lead text (`description`), meta line, more lines (children) and actions on the right. */
export function PageHeader({
  title,
  back,
  description,
  meta,
  actions,
  size = "title",
  inline,
  children,
}: {
  title: ReactNode;
  back?: { href: string; label: ReactNode; printable?: boolean };
  description?: ReactNode;
  /** A short line under the heading, e.g. a key. */
  meta?: ReactNode;
  /** Links or forms beside the heading (below it on a narrow screen). */
  actions?: ReactNode;
  size?: HeadingSize;
  /** Lays out an icon or badge in the heading beside the text: "wrap" lets them break onto lines. */
  inline?: "wrap" | "nowrap";
  children?: ReactNode;
}) {
  const headingClass = [inline === "wrap" ? "flex flex-wrap items-center gap-3" : inline === "nowrap" ? "flex items-center gap-3" : null, HEADINGS[size]]
    .filter(Boolean)
    .join(" ");
  const heading = (
    <div>
      <h1 className={headingClass}>{title}</h1>
      {meta && <p className="mt-1 text-slate-700">{meta}</p>}
      {description && <p className="mt-2 max-w-3xl text-slate-700">{description}</p>}
      {children}
    </div>
  );
  return (
    <>
      {back && (
        <BackLink href={back.href} printable={back.printable}>
          {back.label}
        </BackLink>
      )}
      {actions ? (
        <div className="flex flex-wrap items-end justify-between gap-4">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
    </>
  );
}
