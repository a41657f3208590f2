import type { Request, Response } from 'express';
import { isLocale, locales, type Locale } from '@ecoo/shared/i18n/translate';
import { readCookie } from '../http/cookies.ts';
import type { Db } from '../db/connect.ts';
import { setUserLocale } from './repository.ts';
import type { Actor } from './actor.ts';

/** A visitor's choice of language; a signed-in user's is kept with the account instead. */
export const languageCookie = 'ecoo_lang';
const oneYearMs = 365 * 24 * 60 * 60 * 1000;

/**
 * The language a request is answered in: the signed-in user's choice, else the visitor's cookie,
 * else the browser's Accept-Language (hi-IN and hi mean Hindi), else English.
 */
export function requestLocale(req: Request, actor: Actor | null | undefined): Locale {
  if (actor?.locale) return actor.locale;
  const chosen = readCookie(req, languageCookie);
  if (isLocale(chosen)) return chosen;
  const accepted = req.acceptsLanguages(...locales);
  return isLocale(accepted) ? accepted : 'en';
}

/**
 * At sign-in, the language this browser chose (the switch on the sign-in page sets the cookie)
 * becomes the account's: it is what the person last pressed. A browser that never chose leaves the
 * account's own (or, for one that never chose either, the registration browser's).
 */
export async function adoptBrowserLanguage(db: Db, req: Request, actor: Actor): Promise<Actor> {
  const chosen = readCookie(req, languageCookie);
  if (!isLocale(chosen) || chosen === actor.locale) return actor;
  await setUserLocale(db, actor.id, chosen);
  return { ...actor, locale: chosen };
}

/**
 * Remembers a choice: in the cookie for this browser (so the sign-in page keeps it), and on the
 * account when signed in (so every device, and every mail, follows it). Lax, not Strict: a link
 * from a mail opens the console in the chosen language too. Not a secret, so scripts may read it.
 */
export async function rememberLanguage(db: Db, res: Response, actor: Actor | null, locale: Locale, isSecure: boolean): Promise<void> {
  res.cookie(languageCookie, locale, { httpOnly: false, sameSite: 'lax', secure: isSecure, path: '/', maxAge: oneYearMs });
  if (actor) await setUserLocale(db, actor.id, locale);
}
