/**
 * The ways a background can be removed: the console's own ink extraction on the whole picture, the
 * same within the sheet of paper the subject model found, or the subject model alone.
 */
export const backgroundMethods = ['ink', 'ink-on-sheet', 'subject-model'] as const;
export type BackgroundMethod = (typeof backgroundMethods)[number];

// Apart from the schemas (zod) so that translate(), on every page, can word a method without them.
export function isBackgroundMethod(value: unknown): value is BackgroundMethod {
  return typeof value === 'string' && (backgroundMethods as readonly string[]).includes(value);
}
