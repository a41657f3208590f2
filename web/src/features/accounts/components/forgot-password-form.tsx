import { PasswordResetRequestSchema } from '@ecoo/shared/accounts/schemas';
import { FormErrorSummary } from '../../../lib/forms/form-error-summary';
import { FormField } from '../../../lib/forms/form-field';
import { useSchemaForm } from '../../../lib/forms/use-schema-form';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useRequestPasswordReset } from '../api/request-password-reset';

export function ForgotPasswordForm() {
  const request = useRequestPasswordReset();
  const form = useSchemaForm({
    id: 'forgot-password',
    schema: PasswordResetRequestSchema,
    fields: ['email'],
    labels: { email: t('signIn.email') },
    defaultValues: { email: '' },
  });
  const submit = form.submitWith((input) => request.mutate(input, { onError: form.showProblem }));

  // The same answer whether or not the account exists, as the BFF gives it.
  if (request.isSuccess) return <Alert tone="success">{t('forgot.sent', { email: request.variables.email })}</Alert>;

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary form={form} />
      <FormField
        form={form}
        name="email"
        render={(field) => <TextField {...field} label={form.labels.email} type="email" autoComplete="username" spellCheck={false} isRequired />}
      />
      <div className="form__actions">
        <Button type="submit" isBusy={request.isPending}>
          {t('forgot.submit')}
        </Button>
      </div>
    </form>
  );
}
