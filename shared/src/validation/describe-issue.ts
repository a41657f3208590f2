import type { z } from 'zod';
import type { FieldProblem } from '../problem.ts';
import { isMessageKey, translate, type Locale, type MessageParams } from '../i18n/translate.ts';

/**
 * Turns zod issues into field problems whose code is a catalogue key, so the BFF's answer and the
 * SPA's own check of a form show the same words. Schemas put a catalogue key as their message;
 * zod's built-in checks are mapped by issue code.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], locale: Locale = 'en'): FieldProblem[] {
  return issues.map((issue) => {
    const [code, params] = keyOf(issue);
    return { path: issue.path.map(String).join('.'), code, message: translate(locale, code, params) };
  });
}

function keyOf(issue: z.core.$ZodIssue): [Parameters<typeof translate>[1], MessageParams] {
  if (isMessageKey(issue.message)) return [issue.message, {}];
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
