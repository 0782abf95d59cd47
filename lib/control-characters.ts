/** Control characters no form field accepts; zod-free, so the browser's upload check can use it (issue 35). */
// C0 controls except tab, line feed and carriage return (a textarea sends those), DEL, and the C1 controls: no form
// field of ours holds them, PostgreSQL refuses NUL in text, and they hide text on a page. And what XML 1.0 cannot carry
// (U+FFFE, U+FFFF, a surrogate without its pair): stored, they would break every Excel export (issue 30, H6).
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/u;

export const CONTROL_CHARACTER_MESSAGE = "Texten innehåller otillåtna tecken (styrtecken). Ta bort dem och försök igen.";

/** Whether a text holds a control character that no form field of ours accepts. */
export const hasControlCharacter = (text: string): boolean => CONTROL_CHARACTER.test(text);
