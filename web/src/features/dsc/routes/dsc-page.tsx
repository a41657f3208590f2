import { BackLink } from '../../../components/ui/back-link';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';
import { DscRegistration } from '../components/dsc-registration';
import { MyDsc } from '../components/my-dsc';

/** Trade Notice 23/2024-25 §3.II.iii: My Dashboard → Register Digital Signature Certificate, the issuing officer's. */
export function DscPage() {
  return (
    <>
      <BackLink to={paths.dashboard.home.getHref()}>{t('nav.myDashboard')}</BackLink>
      <PageHeading help="officer#dsc">{t('nav.registerDsc')}</PageHeading>
      <p className="lead">{t('dsc.intro')}</p>
      <MyDsc />
      <DscRegistration />
    </>
  );
}
