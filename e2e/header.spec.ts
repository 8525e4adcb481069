import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/** The header's height, and the main navigation's links: each one line, all on one row. */
async function headerLayout(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector("header")!.getBoundingClientRect();
    const links = [...document.querySelectorAll('nav[aria-label="Main"] a')].map((link) => {
      const box = link.getBoundingClientRect();
      return { text: link.textContent ?? "", top: Math.round(box.top), height: Math.round(box.height), visible: box.width > 0 };
    });
    return { height: Math.round(header.height), links };
  });
}

test("for an admin the header is one row at 1280 and 1440 px, each link on one line, and folds into a menu at 1024 px", async ({ page }) => {
  await signIn(page, "Ada Admin", "admin@e2e.test");
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/services");
    const { height, links } = await headerLayout(page);
    expect(links.map((link) => link.text)).toContain("Audit log");
    // One row: every link at the same top, none wrapped onto two lines (a line is 20 px, padding 12).
    expect(new Set(links.map((link) => link.top)).size, `${width} px: ${JSON.stringify(links)}`).toBe(1);
    for (const link of links) expect(link.height, `${width} px: ${link.text}`).toBeLessThan(40);
    expect(height, `${width} px`).toBeLessThan(70);
  }
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto("/services");
  await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
  expect((await headerLayout(page)).height).toBeLessThan(70);
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toBeVisible();
});
