import { SetPasswordFormSchema } from '@ecoo/shared/accounts/schemas';
import { FormErrorSummary } from '../../../lib/forms/form-error-summary';
import { FormField } from '../../../lib/forms/form-field';
import { useSchemaForm } from '../../../lib/forms/use-schema-form';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useSetPassword } from '../api/set-password';

export function SetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const setPassword = useSetPassword();
  const form = useSchemaForm({
    id: 'set-password',
    schema: SetPasswordFormSchema,
    fields: ['password', 'confirm'],
    labels: { password: t('setPassword.password'), confirm: t('setPassword.confirm') },
    defaultValues: { password: '', confirm: '' },
  });
  const submit = form.submitWith(({ password }) => setPassword.mutate({ token, password }, { onSuccess: onDone, onError: form.showProblem }));

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary form={form} />
      <FormField
        form={form}
        name="password"
        render={(field) => <TextField {...field} label={form.labels.password} type="password" autoComplete="new-password" isRequired />}
      />
      <FormField
        form={form}
        name="confirm"
        render={(field) => <TextField {...field} label={form.labels.confirm} type="password" autoComplete="new-password" isRequired />}
      />
      <div className="form__actions">
        <Button type="submit" isBusy={setPassword.isPending}>
          {t('setPassword.submit')}
        </Button>
      </div>
    </form>
  );
}
