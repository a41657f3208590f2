import { useEffect } from 'react';
import { DscRegistrationSchema, type DscChallenge } from '@ecoo/shared/dsc/schemas';
import type { FieldProblem } from '@ecoo/shared/problem';
import { fieldProblem } from '@ecoo/shared/validation/describe-issue';
import { FormErrorSummary } from '../../../lib/forms/form-error-summary';
import { FormField } from '../../../lib/forms/form-field';
import { useSchemaForm } from '../../../lib/forms/use-schema-form';
import { useHealth } from '../../../lib/health';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { FilePicker } from '../../../components/ui/file-picker';
import { useCopyText } from '../components/use-copy-text';
import type { DscSigner, SignerPanelProps } from './dsc-signer';

interface UploadValues {
  signature: File | null;
  certificate: File | null;
}

const fields = ['signature', 'certificate'] as const;
const signatureAccept = '.p7s,.p7m,.pem';
const certificateAccept = '.cer,.crt,.der,.pem';

/**
 * One command as typed, never wrapped (a hyphen is part of an option): the box scrolls sideways, and
 * takes focus so the keyboard can scroll it too. Copy puts it on the clipboard whole.
 */
function Command({ name, command }: { name: string; command: string }) {
  const { state: copied, copy } = useCopyText();
  return (
    <div className="command">
      <pre className="command__text" tabIndex={0} role="group" aria-label={t('dsc.sign.command.label', { name })}>
        <code>{command}</code>
      </pre>
      <div className="command__actions">
        <Button variant="secondary" aria-label={t('dsc.sign.command.copyNamed', { name })} onClick={() => void copy(command)}>
          {t('dsc.sign.command.copy')}
        </Button>
        <p className="command__status" role="status">
          {copied === 'yes' ? t('dsc.sign.command.copied') : copied === 'failed' ? t('dsc.sign.command.copyFailed') : null}
        </p>
      </div>
    </div>
  );
}

/**
 * The demo command only where the BFF trusts its demo certifying authority: with demo data on. It
 * needs no certificate file, so the folder with challenge.txt and my-dsc.cer is said only for the
 * officer's own DSC, with how to get those files out of a Windows token or a .pfx.
 */
function SigningCommands({ challenge }: { challenge: DscChallenge }) {
  const health = useHealth();
  return (
    <section aria-labelledby="dsc-sign">
      <h3 id="dsc-sign">{t('dsc.step.sign')}</h3>
      <p>{t('dsc.sign.intro')}</p>
      {health.data?.demoData && (
        <>
          <h4>{t('dsc.sign.demo')}</h4>
          <p>{t('dsc.sign.demo.intro')}</p>
          <Command name={t('dsc.sign.demo')} command={t('dsc.sign.demo.command', { challenge: challenge.challenge })} />
        </>
      )}
      <h4>{t('dsc.sign.own')}</h4>
      <p>{t('dsc.sign.own.intro')}</p>
      <p>{t('dsc.sign.own.windows')}</p>
      <h4>{t('dsc.sign.token')}</h4>
      <p>{t('dsc.sign.token.intro')}</p>
      <Command name={t('dsc.sign.token')} command={t('dsc.sign.token.command')} />
      <h4>{t('dsc.sign.keyFile')}</h4>
      <p>{t('dsc.sign.pfx.intro')}</p>
      <Command name={t('dsc.sign.pfx.certificate')} command={t('dsc.sign.pfx.certificate.command')} />
      <Command name={t('dsc.sign.pfx.key')} command={t('dsc.sign.pfx.key.command')} />
      <p>{t('dsc.sign.keyFile.intro')}</p>
      <Command name={t('dsc.sign.keyFile')} command={t('dsc.sign.keyFile.command')} />
    </section>
  );
}

/**
 * The BFF reads the files' content; the pickers only offer the usual names, and a missing signature
 * is said before any upload. A file the BFF refused as key material is dropped from its picker and
 * the refusal said beside it, so pressing Register again cannot send the key a second time.
 */
function UploadForm({ challenge, onProof, busy, fileRefusal }: SignerPanelProps) {
  const form = useSchemaForm({
    id: 'dsc-upload',
    schema: DscRegistrationSchema,
    fields,
    labels: { signature: t('dsc.upload.signature'), certificate: t('dsc.upload.certificate') },
    defaultValues: { signature: null, certificate: null } as UploadValues,
    toInput: () => ({ challenge: challenge.challenge }),
    refineProblems: (problems: FieldProblem[], values: UploadValues) =>
      values.signature ? problems : [...problems, fieldProblem('signature', 'problem.dsc.signatureMissing')],
    fieldOfCode: () => fileRefusal?.field,
  });
  const { setValue, showProblem } = form;
  useEffect(() => {
    if (!fileRefusal) return;
    setValue(fileRefusal.field, null);
    showProblem(fileRefusal.error);
  }, [fileRefusal, setValue, showProblem]);
  const submit = form.submitWith((_input, { signature, certificate }) => {
    if (signature) onProof({ signature, certificate: certificate ?? undefined });
  });

  return (
    <section aria-labelledby="dsc-upload-title">
      <h3 id="dsc-upload-title">{t('dsc.step.upload')}</h3>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary form={form} />
        <FormField
          form={form}
          name="signature"
          checkOnChange
          render={(field) => (
            <FilePicker id={field.id} label={form.labels.signature} hint={t('dsc.upload.signature.hint')} accept={signatureAccept} isRequired file={field.value} onChange={field.onChange} error={field.error} />
          )}
        />
        <FormField
          form={form}
          name="certificate"
          checkOnChange
          render={(field) => (
            <FilePicker id={field.id} label={form.labels.certificate} hint={t('dsc.upload.certificate.hint')} accept={certificateAccept} file={field.value} onChange={field.onChange} error={field.error} />
          )}
        />
        <div className="form__actions">
          <Button type="submit" isBusy={busy}>
            {t('dsc.upload.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function FileSignerPanel(props: SignerPanelProps) {
  return (
    <>
      <SigningCommands challenge={props.challenge} />
      <UploadForm {...props} />
    </>
  );
}

/** Sign outside the browser, with OpenSSL and the token's PKCS#11 module (or the demo script), then upload the .p7s. */
export const fileSigner: DscSigner = { id: 'file', label: 'dsc.signer.file', Panel: FileSignerPanel };
