import { FlashMessage } from "@/components/ui/status-message";
import { flashText, type FlashTexts } from "@/lib/flash";

const ROUTINE_TEXTS: FlashTexts = {
  "rutin-skapad": { text: "Rutinen är skapad med ett tomt utkast. Lägg till faser och aktiviteter och publicera när rutinen är beslutad." },
  "utkast-skapat": { text: "Ett utkast är skapat som kopia av den gällande versionen. Ändringarna gäller först när utkastet publiceras." },
  "utkast-fanns": { text: "Rutinen hade redan ett utkast; du fortsätter på det." },
  importerad: { text: "Filen är inläst som ett utkast. Granska det och publicera när det är beslutat." },
  "aktivitet-sparad": { text: "Aktiviteten är sparad i utkastet." },
  publicerad: { text: "Versionen är publicerad och gäller nu. Den tidigare versionen är arkiverad och går fortfarande att läsa." },
  "utkast-borttaget": { text: "Utkastet är borttaget." },
  "rutin-borttagen": { text: "Utkastet och rutinen, som aldrig hade publicerats, är borttagna." },
};

/** A confirmation after a redirect, chosen by a fixed code so that no text from the address is shown (lib/flash.ts). */
export function Flash({ code }: { code?: string | string[] }) {
  return <FlashMessage message={flashText(ROUTINE_TEXTS, code)?.text} />;
}
