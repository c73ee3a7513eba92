import { api } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { privacyMessages } from './messages';

/** In the profile: one's own data (GDPR access), as JSON and as a readable PDF in the UI's language. */
export function MyDataSection() {
  const t = useT(privacyMessages);
  const { locale } = useLocale();
  return (
    <section className="card" aria-labelledby="my-data-heading">
      <h2 id="my-data-heading" style={{ marginTop: 0 }}>{t('myDataHeading')}</h2>
      <p>{t('myDataText')}</p>
      <div className="actions">
        <a className="btn" href={api.url('/me/data-export', { lang: locale })} download>{t('downloadJson')}</a>
        <a className="btn" href={api.url('/me/data-export.pdf', { lang: locale })} download>{t('downloadPdf')}</a>
      </div>
    </section>
  );
}
