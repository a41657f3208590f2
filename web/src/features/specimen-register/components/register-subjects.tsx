import type { RegisterOffice, RegisterOfficer, UsePeriod } from '@ecoo/shared/specimen-register/schemas';
import { t } from '../../../lib/i18n';
import { PeriodFigure } from './period-figure';

/** What one office or officer has in the register: its name, its periods, and the pictures' words. */
export interface Subject {
  id: string;
  heading: string;
  periods: UsePeriod[];
  altOf: (period: UsePeriod) => string;
  noneOnDate: string;
}

export const stampSubject = (office: RegisterOffice): Subject => ({
  id: office.id,
  heading: t('specimenRegister.office', { name: office.name, code: office.code, city: office.city }),
  periods: office.stamps,
  altOf: (period) => t('specimenRegister.image.stamp', { office: office.name, version: period.version }),
  noneOnDate: t('specimenRegister.noStampOnDate'),
});
export const signatureSubject = (officer: RegisterOfficer): Subject => ({
  id: officer.id,
  heading: t('specimenRegister.officer', { name: officer.name, designation: officer.designation }),
  periods: officer.signatures,
  altOf: (period) => t('specimenRegister.image.signature', { officer: officer.name, version: period.version }),
  noneOnDate: t('specimenRegister.noSignatureOnDate'),
});

/** The subject's pictures in use on the day (several when one was replaced that day), or that none was; or, as history, every period. */
export function SubjectEntry({ subject, isHistory = false, isHighlighted = false }: { subject: Subject; isHistory?: boolean; isHighlighted?: boolean }) {
  const periods = isHistory ? subject.periods : subject.periods.filter((period) => period.isInUseOnDate);
  const Heading = isHighlighted ? 'h3' : 'h4';
  return (
    <li>
      <Heading>{subject.heading}</Heading>
      {periods.length === 0 && <p>{subject.noneOnDate}</p>}
      {periods.map((period) => (
        <PeriodFigure key={`${period.versionId}-${period.from}`} period={period} size={isHistory ? 'list' : 'preview'} alt={subject.altOf(period)} isHighlighted={isHighlighted} />
      ))}
    </li>
  );
}

export function SubjectList({ title, subjects, isHistory }: { title: string; subjects: readonly Subject[]; isHistory?: boolean }) {
  return (
    <>
      <h3>{title}</h3>
      <ul className="plain-list">
        {subjects.map((subject) => (
          <SubjectEntry key={subject.id} subject={subject} isHistory={isHistory} />
        ))}
      </ul>
    </>
  );
}
