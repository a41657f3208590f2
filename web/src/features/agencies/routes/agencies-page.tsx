import { useEffect, useRef, useState } from 'react';
import type { Agency } from '@ecoo/shared/agencies/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { useAgencies } from '../api/get-agencies';
import { AgenciesTable } from '../components/agencies-table';
import { AgencyForm } from '../components/agency-form';

type Editing = { agency: Agency | null } | null;

export function AgenciesPage() {
  const agencies = useAgencies();
  const [editing, setEditing] = useState<Editing>(null);
  const [savedName, setSavedName] = useState<string | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (savedName) savedRef.current?.focus();
  }, [savedName]);

  function edit(agency: Agency | null) {
    setSavedName(null);
    setEditing({ agency });
  }

  return (
    <>
      <PageHeading help="reviewer#agencies">{t('agencies.title')}</PageHeading>
      <p>{t('agencies.intro')}</p>
      {savedName && (
        <Alert ref={savedRef} tone="success">
          {t('agencies.saved', { name: savedName })}
        </Alert>
      )}
      {editing ? (
        <AgencyForm
          key={editing.agency?.id ?? 'new'}
          agency={editing.agency}
          onSaved={(agency) => {
            setEditing(null);
            setSavedName(agency.name);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p>
          <Button onClick={() => edit(null)}>{t('agencies.add')}</Button>
        </p>
      )}
      {agencies.isPending ? (
        <Loading />
      ) : agencies.isError ? (
        <Alert tone="error">{problemMessage(agencies.error)}</Alert>
      ) : (
        <AgenciesTable agencies={agencies.data.agencies} onEdit={edit} />
      )}
    </>
  );
}
