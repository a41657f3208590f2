import { useState, type FormEvent } from 'react';
import { SetPasswordFormSchema } from '@ecoo/shared/accounts/schemas';
import { errorsFromIssues, errorsFromProblem, useFormErrors } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { useSetPassword } from '../api/set-password';

const fields = ['password', 'confirm'] as const;

export function SetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const [values, setValues] = useState({ password: '', confirm: '' });
  const errors = useFormErrors<(typeof fields)[number]>('set-password');
  const setPassword = useSetPassword();
  const labels = { password: t('setPassword.password'), confirm: t('setPassword.confirm') };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = SetPasswordFormSchema.safeParse(values);
    if (!parsed.success) return errors.show(errorsFromIssues(parsed.error.issues, fields));
    errors.clear();
    setPassword.mutate({ token, password: parsed.data.password }, { onSuccess: onDone, onError: (error) => errors.show(errorsFromProblem(error, fields)) });
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary fields={fields} labels={labels} fieldErrors={errors.fieldErrors} formError={errors.formError} attempt={errors.attempt} idOf={errors.idOf} />
      <TextField
        id={errors.idOf('password')}
        label={labels.password}
        type="password"
        autoComplete="new-password"
        isRequired
        value={values.password}
        onChange={(password) => setValues({ ...values, password })}
        error={errors.fieldErrors.password}
      />
      <TextField
        id={errors.idOf('confirm')}
        label={labels.confirm}
        type="password"
        autoComplete="new-password"
        isRequired
        value={values.confirm}
        onChange={(confirm) => setValues({ ...values, confirm })}
        error={errors.fieldErrors.confirm}
      />
      <div className="form__actions">
        <Button type="submit" isBusy={setPassword.isPending}>
          {t('setPassword.submit')}
        </Button>
      </div>
    </form>
  );
}
