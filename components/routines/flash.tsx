import { FlashMessage } from "@/components/ui/status-message";

const MESSAGES: Record<string, string> = {
  "rutin-skapad": "Rutinen är skapad med ett tomt utkast. Lägg till faser och aktiviteter och publicera när rutinen är beslutad.",
  "utkast-skapat": "Ett utkast är skapat som kopia av den gällande versionen. Ändringarna gäller först när utkastet publiceras.",
  "utkast-fanns": "Rutinen hade redan ett utkast; du fortsätter på det.",
  importerad: "Filen är inläst som ett utkast. Granska det och publicera när det är beslutat.",
  "aktivitet-sparad": "Aktiviteten är sparad i utkastet.",
  publicerad: "Versionen är publicerad och gäller nu. Den tidigare versionen är arkiverad och går fortfarande att läsa.",
  "utkast-borttaget": "Utkastet är borttaget.",
  "rutin-borttagen": "Utkastet och rutinen, som aldrig hade publicerats, är borttagna.",
};

/** A confirmation after a redirect, chosen by a fixed code so that no text from the address is shown. */
export function Flash({ code }: { code?: string | string[] }) {
  return <FlashMessage message={typeof code === "string" ? MESSAGES[code] : undefined} />;
}
