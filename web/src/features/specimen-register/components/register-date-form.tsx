import { useState, type FormEvent } from 'react';
import { RegisterQuerySchema } from '@ecoo/shared/specimen-register/schemas';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';

/**
 * The date printed on the certificate; nothing changes until Show (WCAG 3.2.2). A half-typed or
 * malformed date is refused beside the field and nothing is asked: a customs officer must never
 * read today's answer believing it is for the date they typed.
 */
export function RegisterDateForm({ date, onShow }: { date: string; onShow: (date: string) => void }) {
  const [typed, setTyped] = useState(date);
  const [error, setError] = useState<string | undefined>();
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = RegisterQuerySchema.shape.date.safeParse(typed);
    if (!parsed.success || parsed.data === undefined) return setError(t('validation.registerDate'));
    setError(undefined);
    onShow(parsed.data);
  }
  return (
    <form className="filter" onSubmit={submit} noValidate>
      <TextField id="register-date" type="date" label={t('specimenRegister.date')} hint={t('specimenRegister.date.hint')} error={error} value={typed} onChange={setTyped} />
      <div className="filter__actions">
        <Button type="submit" variant="secondary">
          {t('specimenRegister.show')}
        </Button>
      </div>
    </form>
  );
}
