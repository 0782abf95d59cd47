/** What the results import action returns: a message, errors, and after a successful check the preview. */
export type PreviewRow = { line: number; indicator: string; place: string; year: number; value: number | null; respondents: number | null; responseRate: number | null };
export type ImportState = {
  ok: boolean;
  message: string;
  errors?: Record<string, string[]>;
  details?: string[];
  preview?: { digest: string; format: string; source?: string; year?: number; total: number; replaced: number; notes: string[]; rows: PreviewRow[] };
  imported?: { years: number[] };
} | null;

export const PREVIEW_ROW_LIMIT = 300;
