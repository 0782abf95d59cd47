import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { formatDateLong, utcDate } from "@/lib/dates/cycle";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Tillgänglighetsredogörelse" };
// The contact address comes from the environment at run time, not from the build.
export const dynamic = "force-dynamic";

/** When the statement was last reviewed; change it whenever the text or the testing changes. */
const REVIEWED_ON = utcDate(2026, 11, 23);
const DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan";

const h2 = "mt-8 text-xl font-semibold";
const p = "mt-2 max-w-3xl";

export default function AccessibilityStatementPage() {
  const contact = getEnv().ACCESSIBILITY_CONTACT_EMAIL;
  const mailto = `mailto:${contact}?subject=${encodeURIComponent("Tillgänglighetsbrist i Årshjulet")}`;
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">Tillgänglighetsredogörelse för Årshjulet</h1>
      <p className={p}>
        Kommunen står bakom Årshjulet, verktyget där hemtjänsten planerar, genomför och följer upp sina kvalitetsrutiner över
        året. Vi vill att så många som möjligt ska kunna använda det. Här beskriver vi hur Årshjulet uppfyller lagen
        (2018:1937) om tillgänglighet till digital offentlig service, vilka kända brister som finns och hur du kan rapportera
        brister till oss så att vi kan åtgärda dem.
      </p>
      <p className={p}>Redogörelsen gäller hela tjänsten Årshjulet, med alla sidor som nås efter inloggning och inloggningssidan.</p>

      <h2 className={h2}>Hur tillgänglig är tjänsten?</h2>
      <p className={p}>
        Årshjulet är <strong>delvis förenligt</strong> med lagen om tillgänglighet till digital offentlig service, på grund av de
        brister som beskrivs nedan. Målet är att uppfylla kraven i EN 301 549, vilket för webbsidor motsvarar WCAG 2.1 på nivå AA.
      </p>

      <h2 className={h2}>Vad kan du göra om du inte kan använda delar av tjänsten?</h2>
      <p className={p}>
        Om du behöver innehåll från Årshjulet i ett annat format, till exempel en checklista eller en rutin som text, kan du
        kontakta oss på <a href={mailto} className="text-blue-800 underline">{contact}</a>. Du kan också be din verksamhetsutvecklare
        om en utskrift eller en export av rutinen.
      </p>

      <h2 className={h2}>Rapportera brister i tjänstens tillgänglighet</h2>
      <p className={p}>
        Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte beskrivs på den här sidan,
        eller om du anser att vi inte uppfyller lagens krav, <a href={mailto} className="text-blue-800 underline">skicka e-post till {contact}</a>{" "}
        och berätta vilken sida det gäller och vad som inte fungerar. Skriv inga uppgifter om brukare i meddelandet.
      </p>
      <p className={p}>Vi bekräftar att vi har fått ditt meddelande och svarar inom fem arbetsdagar.</p>

      <h2 className={h2}>Tillsyn</h2>
      <p className={p}>
        Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig
        service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du{" "}
        <a href={DIGG_REPORT_URL} className="text-blue-800 underline">
          anmäla bristande tillgänglighet till Digg
        </a>
        .
      </p>

      <h2 className={h2}>Teknisk information om tjänstens tillgänglighet</h2>
      <p className={p}>Årshjulet är delvis förenligt med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.</p>

      <h3 className="mt-6 text-lg font-semibold">Innehåll som inte är tillgängligt</h3>
      <ul className="mt-2 list-disc space-y-2 pl-6">
        <li>
          Årshjulet som cirkel (sidan Årshjul) är en bild. Den går inte att uppfatta fullt ut med skärmläsare eller utan att se
          färger. Samma aktiviteter och status finns därför i tabellform på samma sida. (WCAG 1.1.1 Icke-textinnehåll, 1.4.1
          Användning av färg.)
        </li>
        <li>
          Breda tabeller, till exempel checklistor, resultat och kvalitetsgranskningens listor, behöver rullas i sidled på en
          smal skärm eller vid stark förstoring. (WCAG 1.4.10 Omflytning.)
        </li>
        <li>
          Alla kriterier i WCAG 2.1 AA har ännu inte granskats manuellt, till exempel hur felmeddelanden och statusmeddelanden
          läses upp i alla skärmläsare. Det kan därför finnas brister som vi inte känner till.
        </li>
      </ul>

      <h3 className="mt-6 text-lg font-semibold">Innehåll som inte omfattas av lagen</h3>
      <p className={p}>
        Dokument och mallar som Årshjulet länkar till, till exempel kommunens mallar i Teams och material från Socialstyrelsen,
        ligger utanför tjänsten och omfattas inte av den här redogörelsen.
      </p>

      <h2 className={h2}>Hur vi testat tjänsten</h2>
      <p className={p}>Vi har gjort en självskattning (intern testning) av Årshjulet:</p>
      <ul className="mt-2 list-disc space-y-2 pl-6">
        <li>
          Automatiska webbläsartester kontrollerar varje sida med verktyget axe mot reglerna för WCAG 2.1 nivå A och AA, varje
          gång koden ändras.
        </li>
        <li>Vi har manuellt kontrollerat att sidorna går att använda med enbart tangentbord och att fokus syns.</li>
        <li>Vi har kontrollerat sidorna i en smal skärmbredd (375 pixlar), motsvarande en mobiltelefon.</li>
      </ul>
      <p className={p}>Senaste bedömningen gjordes {formatDateLong(REVIEWED_ON)}.</p>
      <p className={p}>Redogörelsen uppdaterades senast {formatDateLong(REVIEWED_ON)}.</p>

      <p className="mt-8">
        <Link href="/" className="text-blue-800 underline">
          Till startsidan
        </Link>
      </p>
    </article>
  );
}
