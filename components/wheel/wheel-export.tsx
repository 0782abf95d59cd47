import type { WheelData } from "@/lib/wheel/data";
import type { WheelExportInfo } from "@/lib/wheel/export";
import { LEVEL_LABELS, LEVEL_STYLE, levelPaint, OVERDUE_COLOUR, PatternDefs } from "./levels";
import { svgMarkup } from "./svg-markup";
import { WHEEL_VIEWBOX, WheelSvg } from "./wheel-svg";
import type { CompletionLevel } from "@/lib/wheel/completion";

const MARGIN = 40;
const HEADER = 130;
const KEY_ROW = 40;
/** Roughly DejaVu Sans's mean advance at 1 px, for laying out the key's entries side by side. */
const CHAR_WIDTH = 0.6;

/** Entries laid out left to right, wrapping onto new rows of the key. */
function rows(entries: { width: number; node: (x: number, y: number) => React.ReactNode }[], width: number, top: number) {
  const out: React.ReactNode[] = [];
  let x = 0;
  let y = top;
  entries.forEach((e, i) => {
    if (x > 0 && x + e.width > width) {
      x = 0;
      y += KEY_ROW;
    }
    out.push(<g key={i}>{e.node(MARGIN + x, y)}</g>);
    x += e.width + 28;
  });
  return { nodes: out, bottom: y + KEY_ROW };
}

/**
 * The wheel as a standalone SVG document: a heading (title, year, scope, view, date), the page's own wheel
 * (WheelSvg, so that its names and layout are the page's) and a key of the routines' colours and the levels' fills.
 * Fonts are declared by name with fallbacks; the PNG is drawn from this with DejaVu Sans (lib/wheel/png.ts).
 */
export function WheelExportDocument({ data, info, fontFamily }: { data: WheelData; info: WheelExportInfo; fontFamily: string }) {
  const [, , vbWidth, vbHeight] = WHEEL_VIEWBOX.split(/\s+/).map(Number) as [number, number, number, number];
  const width = vbWidth + 2 * MARGIN;
  const wheelTop = HEADER + (info.lines.length - 1) * 30;
  const keyTop = wheelTop + vbHeight + 30;
  const mode = data.unit ? "unit" : "units";
  const levels = Object.entries(LEVEL_LABELS[mode]) as [CompletionLevel, string][];
  const text = (s: string, size: number) => s.length * size * CHAR_WIDTH;
  const routineKey = rows(
    data.routines.map((r) => ({
      width: 34 + text(r.title, 20),
      node: (x: number, y: number) => (
        <>
          <rect x={x} y={y - 11} width="22" height="22" rx="3" fill={`${r.colour}22`} stroke={r.colour} strokeWidth="3" />
          <text x={x + 32} y={y} dominantBaseline="central" fontSize="20" fontWeight="700" fill="#0f172a">
            {r.title}
          </text>
        </>
      ),
    })),
    vbWidth,
    keyTop,
  );
  const levelKey = rows(
    [
      ...levels.map(([level, label]) => ({
        width: 48 + text(label, 20),
        node: (x: number, y: number) => (
          <>
            <rect x={x} y={y - 11} width="38" height="22" rx="3" fill={levelPaint(level, "key")} stroke="#334155" strokeWidth="1.5" strokeDasharray={LEVEL_STYLE[level].dashed ? "3 2" : undefined} />
            <text x={x + 48} y={y} dominantBaseline="central" fontSize="20" fill="#0f172a">
              {label}
            </text>
          </>
        ),
      })),
      {
        width: 34 + text("Försenad", 20),
        node: (x: number, y: number) => (
          <>
            <circle cx={x + 11} cy={y} r="11" fill={OVERDUE_COLOUR} />
            <text x={x + 11} y={y + 1} textAnchor="middle" dominantBaseline="central" fontSize="15" fontWeight="700" fill="#ffffff">
              !
            </text>
            <text x={x + 32} y={y} dominantBaseline="central" fontSize="20" fill="#0f172a">
              Försenad
            </text>
          </>
        ),
      },
      {
        width: text("Tecknet före namnet: ✓ klar, ◔ ◑ delvis klar, ○ inte påbörjad, – ej aktuell, ! försenad", 20),
        node: (x: number, y: number) => (
          <text x={x} y={y} dominantBaseline="central" fontSize="20" fill="#0f172a">
            Tecknet före namnet: ✓ klar, ◔ ◑ delvis klar, ○ inte påbörjad, – ej aktuell, ! försenad
          </text>
        ),
      },
    ],
    vbWidth,
    routineKey.bottom,
  );
  const height = levelKey.bottom + MARGIN - KEY_ROW / 2;
  return (
    <svg xmlns="http://www.w3.org/2000/svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} fontFamily={fontFamily} role="img" aria-label={`${info.title}. ${info.lines.join(". ")}`}>
      <title>{info.title}</title>
      <PatternDefs prefix="key" />
      <rect width={width} height={height} fill="#ffffff" />
      <text x={MARGIN} y={62} fontSize="40" fontWeight="700" fill="#0f172a">
        {info.title}
      </text>
      {info.lines.map((line, i) => (
        <text key={i} x={MARGIN} y={100 + i * 30} fontSize="22" fill="#334155">
          {line}
        </text>
      ))}
      <svg x={MARGIN} y={wheelTop} width={vbWidth} height={vbHeight}>
        <WheelSvg data={data} still />
      </svg>
      {routineKey.nodes}
      {levelKey.nodes}
    </svg>
  );
}

/** The export as an SVG file's text. */
export function renderWheelExportSvg(data: WheelData, info: WheelExportInfo, fontFamily: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svgMarkup(<WheelExportDocument data={data} info={info} fontFamily={fontFamily} />)}\n`;
}
