import { useState, type FormEvent } from 'react';
import { PasswordResetRequestSchema } from '@ecoo/shared/accounts/schemas';
import { errorsFromIssues, errorsFromProblem, useFormErrors } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { useRequestPasswordReset } from '../api/request-password-reset';

const fields = ['email'] as const;

export function ForgotPasswordForm() {
  const [email, setEmail] = useState('');
  const errors = useFormErrors<(typeof fields)[number]>('forgot-password');
  const request = useRequestPasswordReset();
  const labels = { email: t('signIn.email') };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = PasswordResetRequestSchema.safeParse({ email });
    if (!parsed.success) return errors.show(errorsFromIssues(parsed.error.issues, fields));
    errors.clear();
    request.mutate(parsed.data, { onError: (error) => errors.show(errorsFromProblem(error, fields)) });
  }

  // The same answer whether or not the account exists, as the BFF gives it.
  if (request.isSuccess) return <Alert tone="success">{t('forgot.sent', { email: request.variables.email })}</Alert>;

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary fields={fields} labels={labels} fieldErrors={errors.fieldErrors} formError={errors.formError} attempt={errors.attempt} idOf={errors.idOf} />
      <TextField
        id={errors.idOf('email')}
        label={labels.email}
        type="email"
        autoComplete="username"
        spellCheck={false}
        isRequired
        value={email}
        onChange={setEmail}
        error={errors.fieldErrors.email}
      />
      <div className="form__actions">
        <Button type="submit" isBusy={request.isPending}>
          {t('forgot.submit')}
        </Button>
      </div>
    </form>
  );
}
