/**
 * Distinct texts, each sent once to a client table that refers to them by index: the same activity titles, unit
 * names, roles and dates recur in many rows of the overview (docs/decisions/013, issue 35).
 */
export function textTable(): { texts: string[]; index: (text: string) => number } {
  const texts: string[] = [];
  const indexes = new Map<string, number>();
  return {
    texts,
    index(text) {
      let at = indexes.get(text);
      if (at === undefined) {
        at = texts.push(text) - 1;
        indexes.set(text, at);
      }
      return at;
    },
  };
}
