import type { Locator, Page } from "@playwright/test";

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);

/** The main menu. */
export const mainMenu = (page: Page) => page.getByRole("navigation", { name: "Huvudmeny" });

/** A link of the main menu by its exact name, its group (Uppföljning, Administration) opened first when it lies folded in one. */
export async function menuLink(page: Page, name: string): Promise<Locator> {
  const menu = mainMenu(page);
  const group = menu.locator("details:not([open])").filter({ has: page.locator("a", { hasText: exactly(name) }) });
  if ((await group.count()) > 0) await group.first().locator("summary").click();
  return menu.getByRole("link", { name, exact: true });
}

/** Opens every group of the main menu, so that all its links can be seen (or be seen to be missing). */
export async function openMenuGroups(page: Page): Promise<void> {
  const closed = mainMenu(page).locator("details:not([open]) > summary");
  for (let n = await closed.count(); n > 0; n--) await closed.first().click();
}
