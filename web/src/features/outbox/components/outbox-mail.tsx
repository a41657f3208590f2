import type { ReactNode } from 'react';
import type { OutboxMail as Mail } from '@ecoo/shared/outbox/api';
import { formatInstant, t } from '../../../lib/i18n';

const urlPattern = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

/** The mail's text as sent, with its links (set-password links above all) made clickable. */
function withLinks(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    parts.push(text.slice(last, match.index));
    parts.push(
      <a key={match.index} href={match[0]}>
        {match[0]}
      </a>,
    );
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

export function OutboxMail({ mail }: { mail: Mail }) {
  const headingId = `mail-${mail.id}`;
  return (
    <article className="mail" aria-labelledby={headingId}>
      <h2 className="mail__subject" id={headingId}>
        {mail.subject}
      </h2>
      <p className="mail__meta">
        <span className="mail__to">{t('outbox.to', { to: mail.to })}</span>{' '}
        <time dateTime={mail.createdAt}>{t('outbox.at', { at: formatInstant(mail.createdAt) })}</time>
      </p>
      <pre className="mail__text">{withLinks(mail.text)}</pre>
    </article>
  );
}
