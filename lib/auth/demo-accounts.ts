/** The shared password of the seeded demo accounts. The production guard refuses to start while it works. */
export const DEMO_PASSWORD = "Demo-arshjulet-2026";

/** Every demo account's e-mail ends with this (a reserved, non-routable domain). */
export const DEMO_EMAIL_DOMAIN = "@arshjulet.example";
