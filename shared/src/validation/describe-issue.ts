import type { z } from 'zod';
import type { FieldProblem } from '../problem.ts';
import type { MessageKey } from '../i18n/en.ts';
import { isMessageKey, placeholdersOf, translate, type Locale, type MessageParams } from '../i18n/translate.ts';

/**
 * Turns zod issues into field problems whose code is a catalogue key, so the BFF's answer and the
 * SPA's own check of a form show the same words. Schemas put a catalogue key as their message;
 * zod's built-in checks are mapped by issue code.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], locale: Locale = 'en'): FieldProblem[] {
  const problems = new Map<string, FieldProblem>();
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    // One message per field, the first: an empty name is "required", not also "letters only".
    if (problems.has(path)) continue;
    const [code, params] = keyOf(issue);
    problems.set(path, fieldProblem(path, code, params, locale));
  }
  return [...problems.values()];
}

/**
 * A problem with one field: its catalogue key and the values of its placeholders, from which the
 * SPA writes it in the reader's language, and the words (English) for API users and logs.
 */
export function fieldProblem(path: string, code: MessageKey, params: MessageParams = {}, locale: Locale = 'en'): FieldProblem {
  const used = placeholdersOf(code);
  const sent = Object.fromEntries(Object.entries(params).filter(([name]) => used.has(name)));
  return { path, code, ...(Object.keys(sent).length > 0 ? { params: sent } : {}), message: translate(locale, code, params) };
}

function keyOf(issue: z.core.$ZodIssue): [MessageKey, MessageParams] {
  if (isMessageKey(issue.message)) return [issue.message, paramsOf(issue)];
  switch (issue.code) {
    case 'invalid_type':
      return ['validation.invalid_type', {}];
    case 'too_small':
      return ['validation.tooShort', { minimum: Number(issue.minimum) }];
    case 'too_big':
      return ['validation.tooLong', { maximum: Number(issue.maximum) }];
    case 'unrecognized_keys':
      return ['validation.unknownField', {}];
    case 'invalid_format':
      return issue.format === 'email' ? ['validation.email', {}] : ['validation.invalid', {}];
    default:
      return ['validation.invalid', {}];
  }
}

/** Custom checks put their message's placeholders in `params`; a length check with its own key still says its bound. */
function paramsOf(issue: z.core.$ZodIssue): MessageParams {
  switch (issue.code) {
    case 'custom':
      return (issue.params ?? {}) as MessageParams;
    case 'too_small':
      return { minimum: Number(issue.minimum) };
    case 'too_big':
      return { maximum: Number(issue.maximum) };
    default:
      return {};
  }
}
