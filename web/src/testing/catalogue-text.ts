import { en } from '@ecoo/shared/i18n/en';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each catalogue entry as a pattern, its {placeholders} standing for any text. */
const templates = Object.values(en).map((template) => new RegExp(`^${template.split(/\{\w+\}/).map(escape).join('[\\s\\S]+')}$`));

/**
 * The visible text of `root` that no catalogue entry produced and that is not one of `data`
 * (names, emails, dates from the fixtures): an English string written straight into a component.
 */
export function textOutsideCatalogue(root: Element, data: readonly string[] = []): string[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const stray: string[] = [];
  const joined = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Text split only by <wbr> (a fingerprint's break points) is one text: its element's.
    const parent = node.parentElement;
    const isSplit = parent?.querySelector(':scope > wbr') != null;
    if (isSplit && joined.has(parent)) continue;
    if (isSplit) joined.add(parent);
    const text = ((isSplit ? parent.textContent : node.textContent) ?? '').replace(/\s+/g, ' ').trim();
    if (text === '' || data.includes(text)) continue;
    if (!templates.some((template) => template.test(text))) stray.push(text);
  }
  return stray;
}
