import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCREENSHOTS } from './portalInBrowser';
import { DEMO_PASSWORD } from './startTestServer';

/**
 * A staff member signed in to the admin UI through its login page, in a context of its own. The
 * system asks for reduced motion unless told otherwise: under load a click on a dialog that is
 * still zooming in was lost now and then, and a person clicks what is there. The tests that open
 * their own contexts (plugins, system) keep antd's motion on.
 */
export async function signInToAdmin(
  browser: Browser,
  baseUrl: string,
  username: string,
  {
    viewport = { width: 1280, height: 800 },
    isMobile = false,
    reducedMotion = 'reduce',
  }: { viewport?: { width: number; height: number }; isMobile?: boolean; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, isMobile, hasTouch: isMobile, locale: 'zh-CN', reducedMotion });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  return { context, page };
}

/** No serious or critical axe violation on the page as it is, and a screenshot to look at. */
export async function checkStaffPage(page: Page, shot: string): Promise<void> {
  // The page at rest: a pointer left over the last button clicked would check its hover colours only.
  await page.mouse.move(0, 0);
  await settled(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, `admin-${shot}.png`), fullPage: true });
}

/**
 * Waits for antd's finite motions (a help text leaving, a drawer opening) to end: axe run mid-way
 * checks the contrast of a half-faded element. Spinners repeat forever and are not waited for.
 */
export async function settled(page: Page): Promise<void> {
  await expect.poll(() => finiteMotions(page), { timeout: 15_000 }).toBe(0);
}

/** How many finite animations run on the page now (spinners, which repeat forever, not counted). */
export function finiteMotions(page: Page): Promise<number> {
  // Evaluated from here: waitForFunction evals its predicate in the page, which the apps' CSP (no
  // 'unsafe-eval') refuses. Typed loosely: the tests are compiled without the DOM's types.
  type Animations = { getAnimations(): { playState: string; effect: { getTiming(): { iterations: number } } | null }[] };
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: Animations }).document
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity).length,
  );
}

/**
 * Waits for what an action should show; when it does not come, fails saying what the page said
 * instead (its alerts and the requests it had refused), not only that a locator timed out.
 */
export async function waitForOutcome(page: Page, outcome: Locator, refusals: readonly string[] = []): Promise<void> {
  try {
    await outcome.waitFor();
  } catch (error) {
    const alerts = await page.locator('.ant-alert, .ant-message-notice').allInnerTexts();
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\npage alerts: ${JSON.stringify(alerts)}\nrefused: ${JSON.stringify(refusals)}`,
    );
  }
}

/**
 * A modal by its title. Not by role and name: the apps are built under vitest (NODE_ENV=test), where
 * antd's ids are all `test-id`, so a dialog's aria-labelledby may point at another element.
 */
export const antdDialog = (page: Page, title: string): Locator => page.locator('.ant-modal').filter({ hasText: title });

/** antd writes two-character button labels with a space between (受 理); the name matches either way. */
export const antdButton = (text: string): RegExp => new RegExp(`^${[...text].join('\\s*')}$`);

/**
 * antd's deprecation notices are not the page's errors, nor is @rc-component/trigger's check that a
 * popup shares its trigger's shadow root: with motion off (signInToAdmin) a closed popup is taken
 * out of the page at once, and the check, made in development builds only, compares the root of the
 * detached element. The apps use no shadow DOM.
 */
export const isNotAntdNotice = (problem: string): boolean =>
  !/^Warning: \[antd: /.test(problem) && problem !== 'Warning: trigger element and popup element should in same shadow root.';
