import { Fragment, type ReactElement, type ReactNode } from "react";

/**
 * A React tree of plain SVG elements and hook-free function components as SVG markup, for a route handler:
 * Next.js refuses `react-dom/server` there. It writes what `renderToStaticMarkup` writes for such a tree (a unit test
 * compares the two on the wheel), so the exported wheel is the page's WheelSvg, not a second drawing.
 */
const KEEP_CASE = new Set(["viewBox", "patternUnits", "patternTransform", "patternContentUnits", "gradientUnits", "gradientTransform", "startOffset", "preserveAspectRatio", "textLength", "lengthAdjust", "markerWidth", "markerHeight", "refX", "refY", "clipPathUnits", "spreadMethod", "stdDeviation"]);
const RENAMED: Record<string, string> = { className: "class", tabIndex: "tabindex", xlinkHref: "xlink:href", xmlnsXlink: "xmlns:xlink", xmlSpace: "xml:space" };
const SKIPPED = new Set(["children", "key", "ref", "dangerouslySetInnerHTML"]);

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);

function attributeName(prop: string): string {
  if (RENAMED[prop]) return RENAMED[prop];
  if (KEEP_CASE.has(prop) || prop.startsWith("aria-") || prop.startsWith("data-")) return prop;
  return prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function attributes(props: Record<string, unknown>): string {
  let out = "";
  for (const [prop, value] of Object.entries(props)) {
    if (SKIPPED.has(prop) || /^on[A-Z]/.test(prop) || value === null || value === undefined || value === false || typeof value === "function") continue;
    if (prop === "style" && typeof value === "object") {
      const css = Object.entries(value as Record<string, string | number>)
        .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${v}`)
        .join(";");
      out += ` style="${escape(css)}"`;
      continue;
    }
    out += value === true ? ` ${attributeName(prop)}=""` : ` ${attributeName(prop)}="${escape(String(value))}"`;
  }
  return out;
}

export function svgMarkup(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint") return escape(String(node));
  if (Array.isArray(node)) return node.map(svgMarkup).join("");
  if (typeof node === "object" && "type" in node) {
    const element = node as ReactElement<Record<string, unknown>>;
    const props = element.props;
    if (element.type === Fragment) return svgMarkup(props.children as ReactNode);
    if (typeof element.type === "function") return svgMarkup((element.type as (p: Record<string, unknown>) => ReactNode)(props));
    if (typeof element.type === "string") return `<${element.type}${attributes(props)}>${svgMarkup(props.children as ReactNode)}</${element.type}>`;
  }
  throw new Error("svgMarkup: only SVG elements and plain function components can be written");
}
