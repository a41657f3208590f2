import type { MessageKey } from '@ecoo/shared/i18n/en';
import type { MessageParams } from '@ecoo/shared/i18n/translate';
import { AppError } from '../../http/problem.ts';

type DscProblem = Extract<MessageKey, `problem.dsc.${string}`> extends `problem.dsc.${infer Name}` ? Name : never;

/** A DSC check that failed: 422 with the catalogue key naming the check, so the officer knows what to fix. */
export const dscRefusal = (name: DscProblem, params: MessageParams = {}, status = 422): AppError => new AppError(status, `problem.dsc.${name}`, params);
