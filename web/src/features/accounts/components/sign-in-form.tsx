import { Link } from 'react-router';
import { SignInInputSchema, type Session } from '@ecoo/shared/accounts/schemas';
import { paths } from '../../../config/paths';
import { useSignIn } from '../../../lib/auth';
import { FormErrorSummary } from '../../../lib/forms/form-error-summary';
import { FormField } from '../../../lib/forms/form-field';
import { useSchemaForm } from '../../../lib/forms/use-schema-form';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';

export function SignInForm({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const signIn = useSignIn();
  const form = useSchemaForm({
    id: 'sign-in',
    schema: SignInInputSchema,
    fields: ['email', 'password'],
    labels: { email: t('signIn.email'), password: t('signIn.password') },
    defaultValues: { email: '', password: '' },
  });
  const submit = form.submitWith((input) => signIn.mutate(input, { onSuccess: onSignedIn, onError: form.showProblem }));

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary form={form} />
      <FormField
        form={form}
        name="email"
        render={(field) => <TextField {...field} label={form.labels.email} type="email" autoComplete="username" spellCheck={false} isRequired />}
      />
      <FormField
        form={form}
        name="password"
        render={(field) => <TextField {...field} label={form.labels.password} type="password" autoComplete="current-password" isRequired />}
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
