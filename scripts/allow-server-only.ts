import { register } from "node:module";

/**
 * Scripts run lib modules outside React Server Components, where the "server-only" marker throws (it is empty only
 * under the react-server condition, as in Next.js and in vitest through an alias). This resolves it to an empty
 * module for the rest of the process. ES modules resolve all their static imports before running any, so an entry
 * imports this first and then its script with a dynamic import.
 */
const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
