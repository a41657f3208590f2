import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { SignInInputSchema, type Session } from '@ecoo/shared/accounts/schemas';
import { paths } from '../../../config/paths';
import { useSignIn } from '../../../lib/auth';
import { errorsFromIssues, errorsFromProblem, useFormErrors } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';

const fields = ['email', 'password'] as const;

export function SignInForm({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [values, setValues] = useState({ email: '', password: '' });
  const errors = useFormErrors<(typeof fields)[number]>('sign-in');
  const signIn = useSignIn();
  const labels = { email: t('signIn.email'), password: t('signIn.password') };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = SignInInputSchema.safeParse(values);
    if (!parsed.success) return errors.show(errorsFromIssues(parsed.error.issues, fields));
    errors.clear();
    signIn.mutate(parsed.data, { onSuccess: onSignedIn, onError: (error) => errors.show(errorsFromProblem(error, fields)) });
  }

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
        value={values.email}
        onChange={(email) => setValues({ ...values, email })}
        error={errors.fieldErrors.email}
      />
      <TextField
        id={errors.idOf('password')}
        label={labels.password}
        type="password"
        autoComplete="current-password"
        isRequired
        value={values.password}
        onChange={(password) => setValues({ ...values, password })}
        error={errors.fieldErrors.password}
      />
      <div className="form__actions">
        <Button type="submit" isBusy={signIn.isPending}>
          {t('signIn.submit')}
        </Button>
      </div>
      <p>
        <Link to={paths.forgotPassword.getHref()}>{t('signIn.forgot')}</Link>
      </p>
    </form>
  );
}
