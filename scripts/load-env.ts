// Imported first by every command's entry point: the .env files are in process.env before any other module runs.
import { loadEnvFiles } from "./env-files.ts";

loadEnvFiles();
