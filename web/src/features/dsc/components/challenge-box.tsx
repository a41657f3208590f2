import { useEffect, useRef } from 'react';
import type { DscChallenge } from '@ecoo/shared/dsc/schemas';
import { formatInstant, t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { controlAria, Field } from '../../../components/ui/field';
import { useCopyText } from './use-copy-text';

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

/**
 * The challenge to sign, read-only and selectable, with Copy and Download; mount it again (key) for
 * each new challenge. It is mounted only when a challenge arrives, so it takes focus then: a screen
 * reader reads its label, the challenge and its hint, and the keyboard is where the work continues.
 * Three rows and breaks anywhere, so the whole challenge shows at 375 px too.
 */
export function ChallengeBox({ challenge }: { challenge: DscChallenge }) {
  const { state: copied, copy } = useCopyText();
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const id = 'dsc-challenge';
  const hint = t('dsc.challenge.hint');

  useEffect(() => {
    boxRef.current?.focus();
  }, []);

  return (
    <>
      <Field id={id} label={t('dsc.challenge.label')} hint={hint}>
        <textarea
          ref={boxRef}
          id={id}
          className="field__input field__textarea field__input--code challenge-box"
          readOnly
          rows={3}
          spellCheck={false}
          value={challenge.challenge}
          {...controlAria({ id, hint }, { extraIds: [`${id}-expiry`] })}
        />
      </Field>
      <p id={`${id}-expiry`}>{t('dsc.challenge.expires', { time: formatInstant(challenge.expiresAt) })}</p>
      <div className="button-row">
        <Button variant="secondary" onClick={() => void copy(challenge.challenge)}>
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
