import { useState } from 'react';
import type { DscChallenge } from '@ecoo/shared/dsc/schemas';
import { formatInstant, t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { controlAria, Field } from '../../../components/ui/field';

/**
 * Saves challenge.txt holding exactly the challenge's ASCII bytes, no line break after them: a signer
 * signs the file's bytes, and the BFF checks the signature against the challenge text alone. A data:
 * address needs no object URL to revoke; the link is in the page only for its click.
 */
function downloadChallenge(text: string) {
  const link = document.createElement('a');
  link.href = `data:text/plain;charset=us-ascii,${encodeURIComponent(text)}`;
  link.download = 'challenge.txt';
  document.body.append(link);
  link.click();
  link.remove();
}

/** The challenge to sign, read-only and selectable, with Copy and Download; mount it again (key) for each new challenge. */
export function ChallengeBox({ challenge }: { challenge: DscChallenge }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const id = 'dsc-challenge';
  const hint = t('dsc.challenge.hint');

  async function copy() {
    try {
      await navigator.clipboard.writeText(challenge.challenge);
      setCopied('yes');
    } catch {
      // No clipboard outside a secure context, or permission refused: the box and the download still work.
      setCopied('failed');
    }
  }

  return (
    <>
      <Field id={id} label={t('dsc.challenge.label')} hint={hint}>
        <textarea
          id={id}
          className="field__input field__textarea field__input--code challenge-box"
          readOnly
          rows={2}
          spellCheck={false}
          value={challenge.challenge}
          {...controlAria({ id, hint }, { extraIds: [`${id}-expiry`] })}
        />
      </Field>
      <p id={`${id}-expiry`}>{t('dsc.challenge.expires', { time: formatInstant(challenge.expiresAt) })}</p>
      <div className="button-row">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('dsc.challenge.copy')}
        </Button>
        <Button variant="secondary" onClick={() => downloadChallenge(challenge.challenge)}>
          {t('dsc.challenge.download')}
        </Button>
      </div>
      <p role="status">{copied === 'yes' ? t('dsc.challenge.copied') : copied === 'failed' ? t('dsc.challenge.copyFailed') : null}</p>
    </>
  );
}
