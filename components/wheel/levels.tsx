import type { CompletionLevel } from "@/lib/wheel/completion";

/**
 * The fill of each completion level. The scale runs from white to dark green (lightness carries it, so it holds
 * for colour blindness), and the low levels add a pattern so that none rests on colour alone.
 */
export const LEVEL_STYLE: Record<CompletionLevel, { fill: string; pattern?: "hatch" | "dots" | "cross"; text: string; dashed?: boolean }> = {
  all: { fill: "#166534", text: "#ffffff" },
  most: { fill: "#4ade80", text: "#0f172a" },
  some: { fill: "#bbf7d0", pattern: "dots", text: "#0f172a" },
  none: { fill: "#ffffff", pattern: "hatch", text: "#0f172a" },
  upcoming: { fill: "#ffffff", text: "#0f172a", dashed: true },
  na: { fill: "#e2e8f0", pattern: "cross", text: "#0f172a" },
  empty: { fill: "#f1f5f9", text: "#0f172a", dashed: true },
};

/** The status sign in front of a name: with fill and pattern on the mark, status never rests on colour alone. */
export const LEVEL_SIGN: Record<CompletionLevel, string> = { all: "✓", most: "◑", some: "◔", none: "○", upcoming: "", na: "–", empty: "" };

/** What each level means: across units, for one unit, or for a scope's one task per activity (kommunikatör, handläggare). */
export const LEVEL_LABELS: Record<"units" | "unit" | "task", Partial<Record<CompletionLevel, string>>> = {
  units: {
    all: "Alla klara (eller ej aktuella)",
    most: "Hälften eller fler klara",
    some: "Färre än hälften klara",
    none: "Ingen klar ännu",
    upcoming: "Kommande, inte påbörjad",
    na: "Ej aktuell",
  },
  unit: {
    all: "Klar",
    some: "Pågår",
    none: "Ej påbörjad",
    upcoming: "Kommande",
    na: "Ej aktuell",
    empty: "Ingen uppgift för enheten",
  },
  task: {
    all: "Klar",
    some: "Pågår",
    none: "Ej påbörjad",
    upcoming: "Kommande",
    na: "Ej aktuell",
    empty: "Ingen uppgift i cykeln",
  },
};

export const OVERDUE_COLOUR = "#b91c1c";

/** The paint of a level: its colour, or its pattern (defined by PatternDefs with the same prefix). */
export function levelPaint(level: CompletionLevel, prefix: string): string {
  const style = LEVEL_STYLE[level];
  return style.pattern ? `url(#${prefix}-${style.pattern})` : style.fill;
}

type PatternName = "hatch" | "dots" | "cross" | "survey";

/** The patterns of the completion scale, for one SVG (ids prefixed so several SVGs can hold them); `only`: just those. */
export function PatternDefs({ prefix, only }: { prefix: string; only?: readonly PatternName[] }) {
  const has = (name: PatternName) => !only || only.includes(name);
  return (
    <defs>
      {has("hatch") && (
      <pattern id={`${prefix}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#475569" strokeWidth="1.6" />
      </pattern>
      )}
      {has("dots") && (
      <pattern id={`${prefix}-dots`} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" fill="#bbf7d0" />
        <circle cx="2.5" cy="2.5" r="1.1" fill="#166534" />
      </pattern>
      )}
      {has("cross") && (
      <pattern id={`${prefix}-cross`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#e2e8f0" />
        <path d="M0 0L6 6M6 0L0 6" stroke="#64748b" strokeWidth="0.9" />
      </pattern>
      )}
      {has("survey") && (
      <pattern id={`${prefix}-survey`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
        <rect width="8" height="8" fill="#fde68a" />
        <line x1="0" y1="0" x2="0" y2="8" stroke="#b45309" strokeWidth="2" />
      </pattern>
      )}
    </defs>
  );
}

/** A small legend swatch of a level. */
export function LevelSwatch({ level, stroke = "#334155" }: { level: CompletionLevel; stroke?: string }) {
  const prefix = `sw-${level}`;
  const pattern = LEVEL_STYLE[level].pattern;
  return (
    <svg width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" className="shrink-0">
      {/* Only the level's own pattern: a table has a swatch in every row (issue 35). */}
      {pattern && <PatternDefs prefix={prefix} only={[pattern]} />}
      <rect x="1" y="1" width="26" height="16" rx="3" fill={levelPaint(level, prefix)} stroke={stroke} strokeWidth="1.5" strokeDasharray={LEVEL_STYLE[level].dashed ? "3 2" : undefined} />
    </svg>
  );
}
