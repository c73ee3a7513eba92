import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '../../i18n/i18n';
import { ApiError } from '../../api/client';
import { joinCodeOf, usePath } from './nav';
import JoinCodePage from './JoinCodePage';
import JoinPage from './JoinPage';
import { joinKeys } from './api';
import { bootFor } from './boot';
import '../../styles.css';

/**
 * The participant pages' own entry (web/join.html, served for /join and /join/<code>): a guest on a
 * phone in a workshop room's weak Wi-Fi loads this and the join pages only — built with Preact in
 * place of React, without the app's router, its other features or the zod schemas (see vite.config.ts).
 */
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // 4xx answers are final; only network trouble is worth another try.
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    },
  },
});

// /join/<code> comes with the workshop (and a returning device's home) in the page: seeded, so the phone
// does not ask for them again (three round trips on a workshop's weak Wi-Fi; see boot.ts).
const bootCode = joinCodeOf(window.location.pathname);
const boot = bootFor(bootCode);
if (boot?.info) queryClient.setQueryData(joinKeys.info(bootCode), boot.info);
if (boot?.home) queryClient.setQueryData(joinKeys.me(bootCode, boot.lang), boot.home);

function JoinApp() {
  const code = joinCodeOf(usePath());
  return code ? <JoinPage /> : <JoinCodePage />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <JoinApp />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
