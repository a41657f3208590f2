import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { DscChallenge } from '@ecoo/shared/dsc/schemas';
import { ApiProblem } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/form-errors';
import { formatInstant, t, type MessageKey } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useMyDsc } from '../api/get-my-dsc';
import { useIssueDscChallenge } from '../api/issue-dsc-challenge';
import { useRegisterDsc } from '../api/register-dsc';
import type { DscProof, FileRefusal } from '../signers/dsc-signer';
import { dscSigners } from '../signers/signers';
import { ChallengeBox } from './challenge-box';

const keyMaterialCodes: readonly MessageKey[] = ['problem.dsc.privateKeyUploaded', 'problem.dsc.pkcs12Uploaded'];
const uploadFields = ['signature', 'certificate'] as const;

/**
 * A refusal of an uploaded file as key material, with the field it names. The problem carries the
 * words, not the BFF's params: the field is the one whose wording the detail is; failing that, the
 * signature, when it was the only file sent.
 */
function fileRefusalOf(error: unknown, proof: DscProof | undefined): FileRefusal | null {
  if (!(error instanceof ApiProblem)) return null;
  const code = keyMaterialCodes.find((key) => key === error.problem.code);
  if (!code) return null;
  const { detail, correlationId } = error.problem;
  const field = uploadFields.find((name) => t(code, { field: name, correlationId }) === detail) ?? (proof && !proof.certificate ? 'signature' : undefined);
  return field ? { field, error } : null;
}

const isAlreadyActive = (error: unknown) => error instanceof ApiProblem && error.problem.code === 'problem.dsc.alreadyActive';

/** Focus to the "Your registered DSC" heading, where the registered DSC's details are. */
function showRegisteredDsc(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const heading = document.getElementById('dsc-current');
  heading?.focus();
  heading?.scrollIntoView?.({ block: 'start' });
}

/**
 * The three steps: a challenge, the signer's panel (how to sign, then the proof), and the verdict.
 * A refused proof keeps the challenge, since the BFF uses it up only on success, so the officer can
 * sign again and retry; a registered DSC clears it. The verdict takes focus either way, except a file
 * refused as key material, which the signer's panel says beside its field.
 *
 * One press asks for one challenge: a second press before the answer (a double click) is ignored at
 * once, not after the busy state renders. Once a challenge is shown, asking for another is offered
 * only below the steps, saying that it replaces the one the officer may already have copied.
 */
export function DscRegistration() {
  const issue = useIssueDscChallenge();
  const registration = useRegisterDsc();
  const myDsc = useMyDsc();
  const [challenge, setChallenge] = useState<DscChallenge | null>(null);
  const signer = dscSigners[0];
  const verdictRef = useRef<HTMLDivElement>(null);
  const isIssuing = useRef(false);
  const isRegistering = useRef(false);

  const fileRefusal = useMemo(() => fileRefusalOf(registration.error, registration.variables?.proof), [registration.error, registration.variables]);
  const hasVerdict = registration.isSuccess || (registration.isError && !fileRefusal);
  useEffect(() => {
    if (hasVerdict) verdictRef.current?.focus();
  }, [hasVerdict, registration.submittedAt]);

  const getChallenge = () => {
    if (isIssuing.current) return;
    isIssuing.current = true;
    issue.mutate(undefined, {
      onSuccess: (issued) => {
        setChallenge(issued);
        registration.reset();
      },
      onSettled: () => {
        isIssuing.current = false;
      },
    });
  };

  const register = (proof: DscProof) => {
    if (!challenge || isRegistering.current) return;
    isRegistering.current = true;
    registration.mutate(
      { challenge: challenge.challenge, proof },
      {
        onSuccess: () => setChallenge(null),
        onSettled: () => {
          isRegistering.current = false;
        },
      },
    );
  };

  const hasActiveDsc = Boolean(myDsc.data?.active);
  const issueError = issue.isError && <Alert tone="error">{problemMessage(issue.error)}</Alert>;

  return (
    <section className="section" aria-labelledby="dsc-register">
      <h2 id="dsc-register">{t(hasActiveDsc ? 'dsc.register.renewed' : 'dsc.register')}</h2>
      <p>{t('dsc.register.intro')}</p>
      {registration.isSuccess && (
        <Alert ref={verdictRef} tone="success" title={t('dsc.registered')}>
          <p>{t('dsc.registered.body', { date: formatInstant(registration.data.notAfter) })}</p>
          <p>
            <a href="#dsc-current" onClick={showRegisteredDsc}>
              {t('dsc.registered.see')}
            </a>
          </p>
        </Alert>
      )}
      <section aria-labelledby="dsc-challenge-title">
        <h3 id="dsc-challenge-title">{t('dsc.step.challenge')}</h3>
        <p>{t('dsc.step.challenge.intro')}</p>
        {challenge ? (
          <ChallengeBox key={challenge.challenge} challenge={challenge} />
        ) : (
          <>
            {issueError}
            <div className="button-row">
              <Button variant={hasActiveDsc ? 'secondary' : 'primary'} isBusy={issue.isPending} onClick={getChallenge}>
                {t(hasActiveDsc ? 'dsc.challenge.getRenewed' : 'dsc.challenge.get')}
              </Button>
            </div>
          </>
        )}
      </section>
      {challenge && <signer.Panel challenge={challenge} onProof={register} busy={registration.isPending} fileRefusal={fileRefusal} />}
      {registration.isError &&
        !fileRefusal &&
        (isAlreadyActive(registration.error) ? (
          <Alert ref={verdictRef} tone="info">
            {t('dsc.registered.already')}
          </Alert>
        ) : (
          <Alert ref={verdictRef} tone="error" title={t('dsc.refused')}>
            {problemMessage(registration.error)}
          </Alert>
        ))}
      {challenge && (
        <section className="dsc-new-challenge" aria-labelledby="dsc-new-challenge-title">
          <h3 id="dsc-new-challenge-title">{t('dsc.challenge.new')}</h3>
          <p id="dsc-new-challenge-intro">{t('dsc.challenge.new.intro')}</p>
          {issueError}
          <div className="button-row">
            <Button variant="secondary" isBusy={issue.isPending} onClick={getChallenge} aria-describedby="dsc-new-challenge-intro">
              {t('dsc.challenge.getNew')}
            </Button>
          </div>
        </section>
      )}
    </section>
  );
}
