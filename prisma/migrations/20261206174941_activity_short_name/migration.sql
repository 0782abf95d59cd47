-- AlterTable
ALTER TABLE "ActivityTemplate" ADD COLUMN     "shortName" TEXT;

-- The standard routines' short names (prisma/seed/routine-*.json) for a database set up before them: only where the
-- routine and activity keys and the title are still the standard ones and no short name is set, so a kommun's own
-- wording is never overwritten. Every version gets them, so the version diff does not show them as a change.
UPDATE "ActivityTemplate" AS a
SET "shortName" = s.short_name
FROM (VALUES
  ('brukarundersokning-hemtjanst', 'bevakning-tidsplan', 'Bevakning av Socialstyrelsens tidsplanering', 'Socialstyrelsens tidsplan'),
  ('brukarundersokning-hemtjanst', 'brukarmapp-information', 'Uppdatera informationen om brukarundersökningen i brukarmappen', 'Uppdatera brukarmappen'),
  ('brukarundersokning-hemtjanst', 'lg-genomgang-hemtjanst', 'Genomgång av planering och rutiner i hemtjänstens ledningsgrupp', 'Genomgång i hemtjänstens LG'),
  ('brukarundersokning-hemtjanst', 'lg-genomgang-enhet', 'Genomgång av rutinen i enhetens ledningsgrupp', 'Genomgång i enhetens LG'),
  ('brukarundersokning-hemtjanst', 'planera-i-planeringsverktyget', 'Planera in rutinens aktiviteter i planeringsverktyget', 'Planera i planeringsverktyget'),
  ('brukarundersokning-hemtjanst', 'apt-information', 'Information och syfte med brukarundersökningen på APT', 'Information på APT'),
  ('brukarundersokning-hemtjanst', 'material-socialstyrelsen', 'Material från Socialstyrelsen placeras synligt i enheten', 'Material synligt i enheten'),
  ('brukarundersokning-hemtjanst', 'workshop-januari', 'Workshop om syftet med brukarundersökningen', 'Workshop om syftet'),
  ('brukarundersokning-hemtjanst', 'information-webbplats', 'Information om brukarundersökningen på kommunens webbplats', 'Information på webbplatsen'),
  ('brukarundersokning-hemtjanst', 'brukarfika-februari', 'Brukarfika med information om brukarundersökningen', 'Brukarfika februari'),
  ('brukarundersokning-hemtjanst', 'brukarlista', 'Ta fram brukarlista inför brukarbrev 1', 'Brukarlista inför brukarbrev 1'),
  ('brukarundersokning-hemtjanst', 'brukarbrev-1', 'Brukarbrev 1', 'Brukarbrev 1'),
  ('brukarundersokning-hemtjanst', 'sociala-medier-infor', 'Information om brukarundersökningen i sociala medier', 'Sociala medier inför enkäten'),
  ('brukarundersokning-hemtjanst', 'stolthet-i-gruppen', 'Ledningsgruppen lyfter stolthet och medarbetarnas engagemang', 'Lyfta stolthet och engagemang'),
  ('brukarundersokning-hemtjanst', 'informationskort', 'Informationskort om brukarundersökningen till medarbetarna', 'Informationskort, medarbetare'),
  ('brukarundersokning-hemtjanst', 'informationskort-framtagning', 'Ta fram informationskortet till medarbetarna', 'Ta fram informationskortet'),
  ('brukarundersokning-hemtjanst', 'information-dagverksamhet', 'Muntlig och skriftlig information till brukare på dagverksamheten', 'Information på dagverksamhet'),
  ('brukarundersokning-hemtjanst', 'brukarfika-varen', 'Brukarfika i slutet av april eller början av maj', 'Brukarfika april–maj'),
  ('brukarundersokning-hemtjanst', 'lyfta-fragan-kontinuerligt', 'Lyfta brukarundersökningen på ledningsgruppsmöten, rapporter och APT', 'Lyfta frågan på möten och APT'),
  ('brukarundersokning-hemtjanst', 'sociala-medier-under', 'Fortsatt information om den pågående undersökningen i sociala medier', 'Sociala medier under enkäten'),
  ('brukarundersokning-hemtjanst', 'koordinator-samtal', 'Avsluta samtal med brukare med frågan om brukarundersökningen', 'Fråga om enkäten i samtal'),
  ('brukarundersokning-hemtjanst', 'brukarbrev-2', 'Brukarbrev 2', 'Brukarbrev 2'),
  ('brukarundersokning-hemtjanst', 'brukarbrev-3', 'Brukarbrev 3', 'Brukarbrev 3'),
  ('brukarundersokning-hemtjanst', 'resultat-lg-hemtjanst', 'Resultatet presenteras och diskuteras i hemtjänstens ledningsgrupp', 'Resultatet i hemtjänstens LG'),
  ('brukarundersokning-hemtjanst', 'resultat-lg-enhet', 'Enhetens ledningsgrupp diskuterar resultatet och förbättringsåtgärder', 'Resultatet i enhetens LG'),
  ('brukarundersokning-hemtjanst', 'forbered-workshop', 'Förbered workshops för medarbetarna om resultatet', 'Förbered resultatworkshops'),
  ('brukarundersokning-hemtjanst', 'resultat-apt', 'Resultatet tas upp på APT', 'Resultatet på APT'),
  ('brukarundersokning-hemtjanst', 'workshop-november', 'Workshop för samtliga grupper om resultatet', 'Workshop om resultatet'),
  ('brukarundersokning-hemtjanst', 'brukarbrev-4', 'Brukarbrev 4', 'Brukarbrev 4'),
  ('brukarundersokning-hemtjanst', 'brukarfika-november', 'Brukarfika med resultatet från brukarundersökningen', 'Brukarfika november'),
  ('brukarundersokning-hemtjanst', 'tack-sociala-medier', 'Tack för deltagandet i sociala medier', 'Tack i sociala medier'),
  ('brukarundersokning-hemtjanst', 'resultat-hemsida', 'Resultatet presenteras på kommunens webbplats', 'Resultatet på webbplatsen'),
  ('brukarundersokning-hemtjanst', 'arshjul-planerat', 'Säkerställ att varje steg i rutinen är inplanerat i årshjulet', 'Varje steg inplanerat'),
  ('brukarundersokning-hemtjanst', 'jamfor-foregaende-ar', 'Jämför resultatet med föregående år', 'Jämför med föregående år'),
  ('brukarundersokning-hemtjanst', 'fokusomraden-stratsys', 'Följ upp fokusområden utifrån förbättringsområdena', 'Följ upp fokusområdena'),
  ('kvalitetsgranskning-hemtjanst', 'kvalitetssakring-eget-omrade', 'Kvalitetssäkring i det egna området', 'Kvalitetssäkring i eget område'),
  ('kvalitetsgranskning-hemtjanst', 'importera-arendelista', 'Importera årets lista över hemtjänstärenden', 'Importera ärendelistan'),
  ('kvalitetsgranskning-hemtjanst', 'dra-urval', 'Dra slumpvis urval: fem ärenden per hemtjänstområde', 'Dra urval, fem per område'),
  ('kvalitetsgranskning-hemtjanst', 'intervjua-utvalda', 'Intervjua de utvalda brukarna', 'Intervjua utvalda brukare'),
  ('kvalitetsgranskning-hemtjanst', 'overlamna-och-journalfora', 'Lämna över till ordinarie handläggare och journalför', 'Överlämna och journalför'),
  ('kvalitetsgranskning-hemtjanst', 'atgarda-avvikelser', 'Åtgärda avvikelser från beställningen', 'Åtgärda avvikelser'),
  ('kvalitetsgranskning-hemtjanst', 'sammanstall-avvikelser', 'Sammanställ avvikelserna', 'Sammanställ avvikelserna'),
  ('kvalitetsgranskning-hemtjanst', 'kvalitetssakring-omprovningar', 'Fortsatt kvalitetssäkring vid om- och nyprövningar', 'Vid om- och nyprövningar')
) AS s(routine_key, activity_key, title, short_name), "RoutineVersion" AS v, "Routine" AS r
WHERE a."routineVersionId" = v."id" AND v."routineId" = r."id"
  AND r."key" = s.routine_key AND a."key" = s.activity_key AND a."title" = s.title AND a."shortName" IS NULL;
