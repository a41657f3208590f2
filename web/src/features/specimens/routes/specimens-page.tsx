import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { useSpecimenChoices } from '../api/get-specimen-choices';
import { useSpecimens } from '../api/get-specimens';
import { SpecimenPreview } from '../components/specimen-preview';
import { SpecimenRequestForm } from '../components/specimen-request-form';
import { SpecimenTable } from '../components/specimen-table';

/**
 * Issue 16: the administrator sees how an office's stamp and an officer's signature will look on a
 * certificate of origin. Asking queues a job; the list follows its state until the PDF is ready.
 */
export function SpecimensPage() {
  const choices = useSpecimenChoices();
  const specimens = useSpecimens();
  const [previewId, setPreviewId] = useState<string | null>(null);
  const preview = specimens.data?.items.find((specimen) => specimen.id === previewId && specimen.state === 'done');

  return (
    <>
      <PageHeading>{t('specimens.title')}</PageHeading>
      <p className="lead">{t('specimens.intro')}</p>
      {choices.isPending ? (
        <Loading />
      ) : choices.isError ? (
        <Alert tone="error">{problemMessage(choices.error)}</Alert>
      ) : choices.data.hasRegisterLink ? (
        <SpecimenRequestForm choices={choices.data} />
      ) : (
        <Alert tone="info">
          <p>{t('specimens.noRegisterLink')}</p>
          <p>
            <Link to={paths.dashboard.home.getHref()}>{t('specimens.toDashboard')}</Link>
          </p>
        </Alert>
      )}
      <section className="section" aria-labelledby="specimens-list-title">
        <h2 id="specimens-list-title">{t('specimens.list.title')}</h2>
        {specimens.isPending ? (
          <Loading />
        ) : specimens.isError ? (
          <Alert tone="error">{problemMessage(specimens.error)}</Alert>
        ) : specimens.data.items.length === 0 ? (
          <p>{t('specimens.list.empty')}</p>
        ) : (
          <SpecimenTable specimens={specimens.data.items} onPreview={(specimen) => setPreviewId(specimen.id)} />
        )}
      </section>
      {preview && <SpecimenPreview specimen={preview} />}
    </>
  );
}
