/** The longest e-mail address and password the app takes, on the sign-in form too (issue 30: a 100 005-character one was stored). */
export const EMAIL_MAX_LENGTH = 200;
export const PASSWORD_MAX_LENGTH = 200;
