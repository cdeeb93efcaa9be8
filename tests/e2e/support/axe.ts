/**
 * Runs axe-core in a page and returns its serious and critical violations as readable lines. axe walks
 * open shadow roots, so the overlay is checked in place (context `[['scim-setup-assistant']]`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './build-extension';

const AXE_SCRIPT = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

type AxeWindow = Window & { axe?: typeof import('axe-core') };

/** What to check: `[['scim-setup-assistant']]` is the overlay's host and its shadow tree. */
export interface AxeScope {
  include: string[][];
}

export async function seriousViolations(page: Page, scope?: AxeScope): Promise<string[]> {
  // Not addScriptTag: extension pages' CSP (`script-src 'self'`) refuses inline scripts; evaluate is not subject to it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE_SCRIPT, 'utf8'));
  const violations = await page.evaluate(async (context) => {
    const { axe } = window as AxeWindow;
    if (!axe) throw new Error('axe-core did not load in the page.');
    const results = await axe.run(context ?? document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, scope);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(', ')}`);
}
