export const NOT_ALLOWED = "Du har inte behörighet att hantera rutiner.";
export const DRAFT_GONE = "Utkastet finns inte längre: det kan ha publicerats eller tagits bort. Ladda om sidan.";
