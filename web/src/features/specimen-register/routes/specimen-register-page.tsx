import { useNavigate, useParams, useSearchParams } from 'react-router';
import { RegisterQuerySchema, type SpecimenRegister } from '@ecoo/shared/specimen-register/schemas';
import { paths } from '../../../config/paths';
import { ApiProblem } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/form-errors';
import { formatDate, t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { useSpecimenRegister } from '../api/get-specimen-register';
import { RegisterDateForm } from '../components/register-date-form';
import { SubjectEntry, SubjectList, signatureSubject, stampSubject } from '../components/register-subjects';

/** Today in India: certificates print India's date, whatever the reader's own time zone. */
const todayInIndia = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/**
 * office, officer and date from the address (the specimen certificate's QR); anything that does not
 * parse is left out. A date that does not parse is said (isDateInvalid), never silently replaced.
 */
function entryOf(searchParams: URLSearchParams) {
  const pick = (key: 'office' | 'officer' | 'date') => {
    const parsed = RegisterQuerySchema.shape[key].safeParse(searchParams.get(key) ?? undefined);
    return parsed.success ? parsed.data : undefined;
  };
  const date = pick('date');
  return { office: pick('office'), officer: pick('officer'), date: date ?? todayInIndia(), isDateInvalid: searchParams.has('date') && date === undefined };
}

/** The entry first (the QR's office and officer), then the rest: a customs officer scanning a certificate sees its stamp and signature at once. */
const entryFirst = <T extends { id: string }>(list: readonly T[], id: string | undefined) => [...list.filter((item) => item.id === id), ...list.filter((item) => item.id !== id)];

/** The day named is the one the shown answer is for: while another day loads, the previous answer keeps its own day. */
function RegisterContent({ register, entry }: { register: SpecimenRegister; entry: ReturnType<typeof entryOf> }) {
  if (register.offices.length === 0 && register.officers.length === 0) return <p>{t('specimenRegister.empty')}</p>;
  const stamps = register.offices.map(stampSubject);
  const signatures = register.officers.map(signatureSubject);
  const entryStamp = stamps.find((subject) => subject.id === entry.office);
  const entrySignature = signatures.find((subject) => subject.id === entry.officer);
  return (
    <>
      {(entryStamp || entrySignature) && (
        <section className="section panel" aria-labelledby="register-entry">
          <h2 id="register-entry">{t('specimenRegister.entry')}</h2>
          <ul className="plain-list">
            {entryStamp && <SubjectEntry subject={entryStamp} isHighlighted />}
            {entrySignature && <SubjectEntry subject={entrySignature} isHighlighted />}
          </ul>
        </section>
      )}
      <section className="section" aria-labelledby="register-on-date">
        <h2 id="register-on-date">{t('specimenRegister.onDate', { date: formatDate(register.date ?? entry.date) })}</h2>
        <SubjectList title={t('specimenRegister.stamps')} subjects={entryFirst(stamps, entry.office)} />
        <SubjectList title={t('specimenRegister.signatures')} subjects={entryFirst(signatures, entry.officer)} />
      </section>
      <section className="section" aria-labelledby="register-history">
        <h2 id="register-history">{t('specimenRegister.history')}</h2>
        <p>{t('specimenRegister.history.intro')}</p>
        <SubjectList title={t('specimenRegister.stamps')} subjects={stamps} isHistory />
        <SubjectList title={t('specimenRegister.signatures')} subjects={signatures} isHistory />
      </section>
    </>
  );
}

/**
 * Issue 16: the specimen register as partner customs open it, signed out, from the link the agency
 * shared or the QR on a specimen certificate. The date is the one printed on the certificate; the
 * page asks for it and keeps it in the address, so the QR's address opens the same view.
 */
export function SpecimenRegisterPage() {
  const { token = '' } = useParams();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const entry = entryOf(searchParams);
  const register = useSpecimenRegister(token, { date: entry.date });

  function showDate(date: string) {
    // Started just after the submit event, so React does not treat the form as a form action.
    void Promise.resolve().then(() => navigate(paths.specimenRegister.getHref(token, { office: entry.office, officer: entry.officer, date })));
  }

  if (register.error instanceof ApiProblem && register.error.status === 404) {
    return (
      <>
        <PageHeading>{t('specimenRegister.invalid.title')}</PageHeading>
        <p className="lead">{t('specimenRegister.invalid.body')}</p>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t('specimenRegister.title')}</PageHeading>
      {register.data && <p className="lead">{t('specimenRegister.agency', { agency: `${register.data.agency.name} (${register.data.agency.code})` })}</p>}
      <p>{t('specimenRegister.intro')}</p>
      {entry.isDateInvalid && <Alert tone="error">{t('specimenRegister.addressDateInvalid')}</Alert>}
      <RegisterDateForm key={entry.date} date={entry.date} onShow={showDate} />
      {register.isPending ? (
        <Loading />
      ) : register.isError ? (
        <Alert tone="error">{problemMessage(register.error)}</Alert>
      ) : (
        <RegisterContent register={register.data} entry={entry} />
      )}
    </>
  );
}
