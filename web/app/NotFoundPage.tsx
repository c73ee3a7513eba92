import { Link } from 'react-router';
import { useT } from '../i18n/i18n';
import { appMessages } from './messages';
import { usePageTitle } from './title';

export default function NotFoundPage() {
  const t = useT(appMessages);
  usePageTitle(t('notFoundTitle'));
  return (
    <>
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
      <p>
        <Link className="btn primary" to="/">{t('backHome')}</Link>
      </p>
    </>
  );
}
