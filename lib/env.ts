import { z } from "zod";

/**
 * The one place that reads process.env. Parsed once; a bad variable stops the app with one Swedish line per problem.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "DATABASE_URL måste börja med postgresql:// (eller lämnas tom för den inbyggda databasen).",
    }),
  PGLITE_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `Felaktig miljövariabel ${i.path.join(".")}: ${i.message}`);
    throw new Error(lines.join("\n"));
  }
  cached = parsed.data;
  return cached;
}
