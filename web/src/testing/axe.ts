import axe from 'axe-core';

/**
 * axe's findings on the rendered page, one line each, so a failing test names the rule and the
 * element. jsdom cannot compute colours, so colour contrast is left to the Chromium end-to-end run;
 * nor can it load a frame, so the letter's iframe is checked as an element, not entered.
 */
export async function axeViolations(root: Element | Document = document): Promise<string[]> {
  const results = await axe.run(root, { resultTypes: ['violations'], iframes: false, rules: { 'color-contrast': { enabled: false } } });
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${violation.help} at ${node.target.join(' ')}`));
}
