import { useState, type FormEvent } from 'react';
import { RegisterQuerySchema } from '@ecoo/shared/specimen-register/schemas';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';

/** The date printed on the certificate; nothing changes until Show (WCAG 3.2.2). A half-typed date shows today's. */
export function RegisterDateForm({ date, onShow }: { date: string; onShow: (date: string | undefined) => void }) {
  const [typed, setTyped] = useState(date);
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = RegisterQuerySchema.shape.date.safeParse(typed);
    onShow(parsed.success ? parsed.data : undefined);
  }
  return (
    <form className="filter" onSubmit={submit}>
      <TextField id="register-date" type="date" label={t('specimenRegister.date')} hint={t('specimenRegister.date.hint')} value={typed} onChange={setTyped} />
      <div className="filter__actions">
        <Button type="submit" variant="secondary">
          {t('specimenRegister.show')}
        </Button>
      </div>
    </form>
  );
}
