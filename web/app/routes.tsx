import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { RouteError } from './RouteError';

/** Every page is its own chunk, so the first load stays small. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => ({
  lazy: async () => ({ Component: (await load()).default }),
});

const routes: RouteObject[] = [
  { path: '/setup', ...page(() => import('../features/auth/SetupPage')), errorElement: <RouteError /> },
  { path: '/login', ...page(() => import('../features/auth/LoginPage')), errorElement: <RouteError /> },
  { path: '/login/refused', ...page(() => import('../features/sso/SsoRefusedPage')), errorElement: <RouteError /> },
  // Workshop participants on their phones: public, no app layout, no account needed.
  { path: '/join', ...page(() => import('../features/join/JoinCodePage')), errorElement: <RouteError /> },
  // Public privacy page: by municipality (app footer) or by a workshop code (guests' join pages).
  { path: '/privacy/:municipalityId', ...page(() => import('../features/privacy/PrivacyNoticePage')), errorElement: <RouteError /> },
  { path: '/privacy/workshop/:code', ...page(() => import('../features/privacy/PrivacyNoticePage')), errorElement: <RouteError /> },
  { path: '/join/:code', ...page(() => import('../features/join/JoinPage')), errorElement: <RouteError /> },
  // Full-screen views for the projector: outside the layout, but they need a session.
  { path: '/workshops/:id/rounds/:roundId/projector', ...page(() => import('../features/workshops/ProjectorPage')), errorElement: <RouteError /> },
  { path: '/workshops/:id/join-screen', ...page(() => import('../features/workshops/JoinScreenPage')), errorElement: <RouteError /> },
  { path: '/workshops/:id/codes', ...page(() => import('../features/workshops/CodesPage')), errorElement: <RouteError /> },
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, ...page(() => import('../features/home/HomePage')) },
      { path: 'home/department', ...page(() => import('../features/home/DepartmentHomePage')) },
      { path: 'dashboard', ...page(() => import('../features/dashboard/DashboardPage')) },
      { path: 'measures', ...page(() => import('../features/measures/MeasureListPage')) },
      { path: 'measures/new', ...page(() => import('../features/measures/MeasureCreatePage')) },
      { path: 'measures/import', ...page(() => import('../features/import/ImportPage')) },
      { path: 'measures/:id', ...page(() => import('../features/measures/MeasureDetailPage')) },
      { path: 'measures/:id/edit', ...page(() => import('../features/measures/MeasureEditPage')) },
      { path: 'measures/:id/funding', ...page(() => import('../features/funding/MeasureFundingPage')) },
      { path: 'funding/programmes', ...page(() => import('../features/funding/ProgrammeListPage')) },
      { path: 'funding/programmes/new', ...page(() => import('../features/funding/ProgrammeEditPage')) },
      { path: 'funding/programmes/:id', ...page(() => import('../features/funding/ProgrammeDetailPage')) },
      { path: 'funding/programmes/:id/edit', ...page(() => import('../features/funding/ProgrammeEditPage')) },
      { path: 'funding/kofi', ...page(() => import('../features/funding/KofiPage')) },
      { path: 'funding/deadlines', ...page(() => import('../features/funding/DeadlinesPage')) },
      { path: 'funding/saved-searches', ...page(() => import('../features/funding/SavedSearchListPage')) },
      { path: 'funding/saved-searches/:id', ...page(() => import('../features/funding/SavedSearchPage')) },
      { path: 'synergies', ...page(() => import('../features/synergies/SynergiesPage')) },
      { path: 'synergies/my-districts', ...page(() => import('../features/synergies/NeighboursPage')) },
      { path: 'map', ...page(() => import('../features/map/MapPage')) },
      { path: 'districts', ...page(() => import('../features/views/ByDistrictPage')) },
      { path: 'departments', ...page(() => import('../features/views/ByDepartmentPage')) },
      { path: 'responsibility', ...page(() => import('../features/responsibility/ResponsibilityPage')) },
      { path: 'roadmap', ...page(() => import('../features/roadmap/RoadmapPage')) },
      { path: 'reporting-cycles', ...page(() => import('../features/monitoring/ReportingCyclesPage')) },
      { path: 'my-reports', ...page(() => import('../features/monitoring/MyReportsPage')) },
      { path: 'monitoring', ...page(() => import('../features/monitoring-dashboard/MonitoringPage')) },
      { path: 'workshops', ...page(() => import('../features/workshops/WorkshopListPage')) },
      { path: 'workshops/:id', ...page(() => import('../features/workshops/WorkshopPage')) },
      { path: 'priorities', ...page(() => import('../features/priorities/PrioritiesPage')) },
      { path: 'priorities/criteria', ...page(() => import('../features/priorities/CriteriaPage')) },
      { path: 'priorities/rounds/:id', ...page(() => import('../features/priorities/RoundPage')) },
      { path: 'concept', ...page(() => import('../features/concept/ConceptPage')) },
      { path: 'concept/:section', ...page(() => import('../features/concept/ConceptSectionPage')) },
      { path: 'concept/goals/:goalId', ...page(() => import('../features/indicators/GoalPage')) },
      { path: 'admin/users', ...page(() => import('../features/users/UsersPage')) },
      { path: 'admin/audit', ...page(() => import('../features/audit/AuditPage')) },
      { path: 'admin/privacy', ...page(() => import('../features/privacy/PrivacySettingsPage')) },
      { path: 'admin/sign-in', ...page(() => import('../features/sso/SsoAdminPage')) },
      { path: 'notifications', ...page(() => import('../features/notifications/NotificationsPage')) },
      { path: 'admin/mail-outbox', ...page(() => import('../features/notifications/OutboxPage')) },
      { path: 'profile', ...page(() => import('../features/auth/ProfilePage')) },
      { path: '*', ...page(() => import('./NotFoundPage')) },
    ],
  },
];

export const router = createBrowserRouter(routes);
