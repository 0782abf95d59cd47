-- Issue 32, item 4: the seeded brukarundersökning said "Årshjulet följer kalenderåret" in two activities' notes,
-- though its year starts in December (migration routine_start_month). The seed now says what the wheel shows, and this
-- gives databases seeded before it the same words. Only the exact seeded sentence is replaced, so a note a
-- kommun has written itself is left alone.
UPDATE "ActivityTemplate"
SET "note" = replace(
  "note",
  'Årshjulet följer kalenderåret, så decembergenomgången förbereder nästa års undersökning.',
  'Rutinens år börjar i december, så decembergenomgången är första steget mot nästa års undersökning och hör till den cykeln.'
)
WHERE "note" LIKE '%Årshjulet följer kalenderåret, så decembergenomgången förbereder nästa års undersökning.%';
