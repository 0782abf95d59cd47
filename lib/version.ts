import packageJson from "../package.json";

/** The app's version, from package.json: shown by /api/health and in the page footer (see CHANGELOG.md). */
export const APP_VERSION: string = packageJson.version;
