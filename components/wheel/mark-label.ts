/**
 * A wheel mark's accessible name from its tooltip (components/wheel/view.ts activityTip, "N. Title\nTime. State") and
 * its responsible role: "N. Title. Time, role. State.". The page's data carries the tooltip and the role, and the
 * name follows from them in the browser (issue 35: the two texts are mostly the same words). A time never holds ". ".
 */
export function labelFromTip(tip: string, role: string): string {
  const line = tip.lastIndexOf("\n");
  const head = tip.slice(0, line);
  const rest = tip.slice(line + 1);
  const at = rest.indexOf(". ");
  return `${head}. ${rest.slice(0, at)}, ${role}. ${rest.slice(at + 2)}.`;
}
