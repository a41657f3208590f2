import { DscRegistrationSchema, type DscChallenge } from '@ecoo/shared/dsc/schemas';
import type { FieldProblem } from '@ecoo/shared/problem';
import { FormErrorSummary } from '../../../lib/forms/form-error-summary';
import { FormField } from '../../../lib/forms/form-field';
import { useSchemaForm } from '../../../lib/forms/use-schema-form';
import { useHealth } from '../../../lib/health';
import { t, type MessageKey } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { FilePicker } from '../../../components/ui/file-picker';
import type { DscSigner, SignerPanelProps } from './dsc-signer';

interface UploadValues {
  signature: File | null;
  certificate: File | null;
}

const fields = ['signature', 'certificate'] as const;
const signatureAccept = '.p7s,.p7m,.pem';
const certificateAccept = '.cer,.crt,.der,.pem';

function Command({ heading, intro, command }: { heading: MessageKey; intro: MessageKey; command: string }) {
  return (
    <>
      <h4>{t(heading)}</h4>
      <p>{t(intro)}</p>
      <pre className="command">
        <code>{command}</code>
      </pre>
    </>
  );
}

/** The demo command only where the BFF trusts its demo certifying authority: with demo data on. */
function SigningCommands({ challenge }: { challenge: DscChallenge }) {
  const health = useHealth();
  return (
    <section aria-labelledby="dsc-sign">
      <h3 id="dsc-sign">{t('dsc.step.sign')}</h3>
      <p>{t('dsc.sign.intro')}</p>
      {health.data?.demoData && <Command heading="dsc.sign.demo" intro="dsc.sign.demo.intro" command={t('dsc.sign.demo.command', { challenge: challenge.challenge })} />}
      <Command heading="dsc.sign.token" intro="dsc.sign.token.intro" command={t('dsc.sign.token.command')} />
      <Command heading="dsc.sign.keyFile" intro="dsc.sign.keyFile.intro" command={t('dsc.sign.keyFile.command')} />
    </section>
  );
}

/** The BFF reads the files' content; the pickers only offer the usual names, and a missing signature is said before any upload. */
function UploadForm({ challenge, onProof, busy }: SignerPanelProps) {
  const form = useSchemaForm({
    id: 'dsc-upload',
    schema: DscRegistrationSchema,
    fields,
    labels: { signature: t('dsc.upload.signature'), certificate: t('dsc.upload.certificate') },
    defaultValues: { signature: null, certificate: null } as UploadValues,
    toInput: () => ({ challenge: challenge.challenge }),
    refineProblems: (problems: FieldProblem[], values: UploadValues) =>
      values.signature ? problems : [...problems, { path: 'signature', code: 'problem.dsc.signatureMissing', message: t('problem.dsc.signatureMissing') }],
  });
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

function FileSignerPanel({ challenge, onProof, busy }: SignerPanelProps) {
  return (
    <>
      <SigningCommands challenge={challenge} />
      <UploadForm challenge={challenge} onProof={onProof} busy={busy} />
    </>
  );
}

/** Sign outside the browser, with OpenSSL and the token's PKCS#11 module (or the demo script), then upload the .p7s. */
export const fileSigner: DscSigner = { id: 'file', label: 'dsc.signer.file', Panel: FileSignerPanel };
