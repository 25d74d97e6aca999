import type { Page } from "playwright-core";

/** The demo staff's password (app/lib/server/demo-staff.server.ts). */
export const DEMO_PASSWORD = "mognad-demo-2026";

/** Signs a staff member in on the sign-in page and waits for the staff home page. */
export async function signInAsStaff(
  page: Page,
  url: string,
  email: string,
  button = "Sign in",
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${url}/hub/login`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: button }).click();
  await page.waitForURL(`${url}/hub`, { waitUntil: "commit" });
  await page.getByTestId("staff-name").waitFor();
}
