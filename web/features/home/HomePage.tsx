import { lazy, Suspense } from 'react';
import { Spinner } from '../../components/ui';
import { useCan } from '../../app/session';
import { useT } from '../../i18n/i18n';
import { messages } from './messages';

const DepartmentHomePage = lazy(() => import('./DepartmentHomePage'));
const ProcessHomePage = lazy(() => import('./ProcessHomePage'));
const DashboardPage = lazy(() => import('../dashboard/DashboardPage'));

/**
 * / — each role's home: a department member "Mein Amt", the coordinator and admins the process with its
 * next step, readers (and members without a department) the dashboard of counts and costs.
 */
export default function HomePage() {
  const t = useT(messages);
  const can = useCan();
  const Page = can.role === 'department' && can.departmentId ? DepartmentHomePage : can.role === 'admin' || can.role === 'coordinator' ? ProcessHomePage : DashboardPage;
  return (
    <Suspense fallback={<Spinner label={t('loading')} />}>
      <Page />
    </Suspense>
  );
}
