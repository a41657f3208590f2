import { useEffect, useRef, useState } from 'react';
import type { DscChallenge } from '@ecoo/shared/dsc/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { formatInstant, t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { DscDetails } from '../../../modules/dsc/components/dsc-details';
import { useIssueDscChallenge } from '../api/issue-dsc-challenge';
import { useRegisterDsc } from '../api/register-dsc';
import type { DscProof } from '../signers/dsc-signer';
import { dscSigners } from '../signers/signers';
import { ChallengeBox } from './challenge-box';

/**
 * The three steps: a challenge, the signer's panel (how to sign, then the proof), and the verdict.
 * A refused proof keeps the challenge, since the BFF uses it up only on success, so the officer can
 * sign again and retry; a registered DSC clears it. The verdict takes focus either way.
 */
export function DscRegistration() {
  const issue = useIssueDscChallenge();
  const registration = useRegisterDsc();
  const [challenge, setChallenge] = useState<DscChallenge | null>(null);
  const signer = dscSigners[0];
  const verdictRef = useRef<HTMLDivElement>(null);

  const isSettled = registration.isSuccess || registration.isError;
  useEffect(() => {
    if (isSettled) verdictRef.current?.focus();
  }, [isSettled, registration.submittedAt]);

  const getChallenge = () =>
    issue.mutate(undefined, {
      onSuccess: (issued) => {
        setChallenge(issued);
        registration.reset();
      },
    });

  const register = (proof: DscProof) => {
    if (!challenge) return;
    registration.mutate({ challenge: challenge.challenge, proof }, { onSuccess: () => setChallenge(null) });
  };

  return (
    <section className="section" aria-labelledby="dsc-register">
      <h2 id="dsc-register">{t('dsc.register')}</h2>
      <p>{t('dsc.register.intro')}</p>
      <section aria-labelledby="dsc-challenge-title">
        <h3 id="dsc-challenge-title">{t('dsc.step.challenge')}</h3>
        <p>{t('dsc.step.challenge.intro')}</p>
        {issue.isError && <Alert tone="error">{problemMessage(issue.error)}</Alert>}
        {challenge && <ChallengeBox key={challenge.challenge} challenge={challenge} />}
        <div className="button-row">
          <Button variant={challenge ? 'secondary' : 'primary'} isBusy={issue.isPending} onClick={getChallenge}>
            {t(challenge ? 'dsc.challenge.getNew' : 'dsc.challenge.get')}
          </Button>
        </div>
      </section>
      {challenge && <signer.Panel challenge={challenge} onProof={register} busy={registration.isPending} />}
      {registration.isError && (
        <Alert ref={verdictRef} tone="error" title={t('dsc.refused')}>
          {problemMessage(registration.error)}
        </Alert>
      )}
      {registration.isSuccess && (
        <Alert ref={verdictRef} tone="success" title={t('dsc.registered')}>
          <p>{t('dsc.registered.body', { date: formatInstant(registration.data.notAfter) })}</p>
          <DscDetails record={registration.data} />
        </Alert>
      )}
    </section>
  );
}
