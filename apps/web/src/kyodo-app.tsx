import { SetMyLocaleDocument, WebHomeDocument, type Session } from '@kyodo/client';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppContext, useApp, type AppState, type Viewer } from './app-context.js';
import { Link } from './components.js';
import { I18nContext, initialLang, langOfLocale, LANG_STORAGE_KEY, localeOfLang, translate, useI18n, type I18n, type Lang } from './i18n.js';
import { afterSignIn, rolesInToken, signInTarget } from './domain/web-rules.js';
import { createAppClient } from './kyodo-session.js';
import { match, navigate, useRoute, type Route } from './router.js';
import { AcceptInvitationScreen } from './screens/accept-invitation-screen.js';
import { CardsScreen } from './screens/cards-screen.js';
import { LicencesScreen } from './screens/licences-screen.js';
import { QueueScreen } from './screens/queue-screen.js';
import { SetPasswordScreen } from './screens/set-password-screen.js';
import { SignInScreen } from './screens/sign-in-screen.js';
import { SpaceScreen, SpacesScreen, ThreadScreen } from './screens/spaces-screen.js';
import { TicketsScreen } from './screens/tickets-screen.js';

// The consoles load on first use: members, guests and agents never download them (nor their documents)
const AdminMembersScreen = lazy(() => import('./screens/admin-members-screen.js').then((m) => ({ default: m.AdminMembersScreen })));
const AdminContractScreen = lazy(() => import('./screens/admin-contract-screen.js').then((m) => ({ default: m.AdminContractScreen })));
const AdminInvoicesScreen = lazy(() => import('./screens/invoices-screen.js').then((m) => ({ default: m.AdminInvoicesScreen })));
const AdminSettingsScreen = lazy(() => import('./screens/audit-log-screen.js').then((m) => ({ default: m.AdminSettingsScreen })));
const AuditLogScreen = lazy(() => import('./screens/audit-log-screen.js').then((m) => ({ default: m.AuditLogScreen })));
const VendorBillingScreen = lazy(() => import('./screens/vendor-billing-screen.js').then((m) => ({ default: m.VendorBillingScreen })));
const VendorInvoicesScreen = lazy(() => import('./screens/invoices-screen.js').then((m) => ({ default: m.VendorInvoicesScreen })));
const VendorCatalogueScreen = lazy(() => import('./screens/vendor-billing-screen.js').then((m) => ({ default: m.VendorCatalogueScreen })));
const VendorPricesScreen = lazy(() => import('./screens/vendor-billing-screen.js').then((m) => ({ default: m.VendorPricesScreen })));
const VendorContractsScreen = lazy(() => import('./screens/vendor-tenants-screen.js').then((m) => ({ default: m.VendorContractsScreen })));
const VendorTenantsScreen = lazy(() => import('./screens/vendor-tenants-screen.js').then((m) => ({ default: m.VendorTenantsScreen })));

/** Screens anyone may open, signed in or not (the mail links land on the first two). */
const PUBLIC_PATHS = ['/invitations/accept', '/set-password', '/sign-in'];

export function KyodoApp() {
  const [lang, setLangState] = useState<Lang>(() => initialLang(window.localStorage));
  const [session, setSession] = useState<Session | null>(null);
  const shownLang = useRef(lang);
  shownLang.current = lang;
  const client = useMemo(() => createAppClient(setSession, () => shownLang.current), []);
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [checked, setChecked] = useState(false);
  const route = useRoute();

  const keepLang = useCallback((next: Lang) => {
    window.localStorage.setItem(LANG_STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const i18n = useMemo<I18n>(
    () => ({
      lang,
      t: (key, values) => translate(lang, key, values),
      setLang(next) {
        keepLang(next);
        // I1: signed in, the choice is the user's own language, and the new token carries it, so
        // the API's refusals come in the language shown; the screen switches even if this fails
        if (client.session) {
          client.data(SetMyLocaleDocument, { locale: localeOfLang(next) }).then(
            ({ setMyLocale }) => client.setSession({ token: setMyLocale.token, expiresAt: setMyLocale.expiresAt }),
            () => undefined,
          );
        }
      },
    }),
    [lang, client, keepLang],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const loadViewer = useCallback(async () => {
    if (!client.session) {
      setViewer(null);
      setChecked(true);
      return;
    }
    try {
      const { viewer: loaded } = await client.data(WebHomeDocument);
      const roles = rolesInToken(client.session.token);
      const isAgent = roles.includes('SUPPORT_AGENT');
      const isOperator = roles.includes('VENDOR_ADMIN');
      // I1: a user who chose a language reads the app in it wherever they sign in
      const own = langOfLocale(loaded?.locale);
      if (own) keepLang(own);
      setViewer(loaded ? { ...loaded, isSupportRegistrant: loaded.isSupportRegistrant ?? null, isAgent, isOperator } : null);
    } catch {
      client.setSession(null);
      setViewer(null);
    }
    setChecked(true);
  }, [client, keepLang]);

  useEffect(() => {
    void loadViewer();
  }, [loadViewer]);

  const app = useMemo<AppState>(
    () => ({
      client,
      viewer,
      async signedIn() {
        await loadViewer();
        // back to the screen asked for before signing in (the invoice mail's link), else spaces
        navigate(afterSignIn(new URLSearchParams(window.location.search).get('next')), { replace: true });
      },
      signOut() {
        client.setSession(null);
        setViewer(null);
        navigate('/sign-in');
      },
    }),
    [client, viewer, loadViewer],
  );

  const isPublic = PUBLIC_PATHS.includes(route.path.replace(/\/$/, ''));
  useEffect(() => {
    if (!checked) return;
    if (!viewer && !isPublic) {
      const next = signInTarget(route.path, route.query.toString());
      navigate(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in', { replace: true });
    } else if (viewer && (route.path === '/' || route.path === '/sign-in')) navigate(route.path === '/sign-in' ? afterSignIn(route.query.get('next')) : '/spaces', { replace: true });
  }, [checked, viewer, isPublic, route.path, route.query]);

  return (
    <I18nContext.Provider value={i18n}>
      <AppContext.Provider value={app}>
        <a className="skip" href="#main">
          {lang === 'ja' ? '本文へ移動' : 'Skip to content'}
        </a>
        <Header />
        <main id="main" tabIndex={-1} data-session={session ? 'on' : 'off'}>
          {checked ? (
            <Suspense fallback={<p aria-busy="true">{i18n.t('loading')}</p>}>
              <Screen route={route} signedIn={!!viewer} isOperator={!!viewer?.isOperator} />
            </Suspense>
          ) : (
            <p aria-busy="true">{i18n.t('loading')}</p>
          )}
        </main>
      </AppContext.Provider>
    </I18nContext.Provider>
  );
}

function Header() {
  const { lang, setLang, t } = useI18n();
  const { viewer, signOut } = useApp();
  return (
    <header className="top">
      <span className="brand">{t('appName')}</span>
      {viewer && (
        <nav aria-label={t('mainNav')}>
          <Link to="/spaces">{t('navSpaces')}</Link>
          {viewer.kind === 'MEMBER' && <Link to="/cards">{t('navCards')}</Link>}
          {viewer.isSupportRegistrant && <Link to="/tickets">{t('navTickets')}</Link>}
          {viewer.isAgent && <Link to="/queue">{t('navQueue')}</Link>}
          {viewer.isAdmin && !viewer.isOperator && (
            <>
              <Link to="/admin/members">{t('navMembers')}</Link>
              <Link to="/admin/contract">{t('navContract')}</Link>
              <Link to="/licences">{t('navLicences')}</Link>
              <Link to="/admin/invoices">{t('navInvoices')}</Link>
              <Link to="/admin/settings">{t('navSettings')}</Link>
            </>
          )}
          {viewer.isOperator && (
            <>
              <Link to="/vendor/tenants">{t('navTenants')}</Link>
              <Link to="/vendor/billing">{t('navBilling')}</Link>
              <Link to="/vendor/invoices">{t('navInvoiceSearch')}</Link>
              <Link to="/vendor/prices">{t('navPrices')}</Link>
              <Link to="/vendor/contracts">{t('navServiceContracts')}</Link>
              <Link to="/vendor/catalogue">{t('navCatalogue')}</Link>
            </>
          )}
          {(viewer.isAdmin || viewer.isOperator) && <Link to="/audit">{t('navAudit')}</Link>}
        </nav>
      )}
      <span className="spacer" />
      {viewer && <span className="who">{viewer.name}</span>}
      <button type="button" className="link" lang={lang === 'ja' ? 'en' : 'ja'} aria-label={t('switchLangLabel')} onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')}>
        {t('switchLang')}
      </button>
      {viewer && (
        <button type="button" className="link" onClick={signOut}>
          {t('signOut')}
        </button>
      )}
    </header>
  );
}

function Screen({ route, signedIn, isOperator }: { route: Route; signedIn: boolean; isOperator: boolean }) {
  const path = route.path.replace(/\/$/, '') || '/';
  if (path === '/invitations/accept') return <AcceptInvitationScreen token={route.query.get('token')} />;
  if (path === '/set-password') return <SetPasswordScreen token={route.query.get('token')} />;
  if (!signedIn) return <SignInScreen />;
  if (path === '/spaces' || path === '/') return <SpacesScreen />;
  let params = match('/spaces/:spaceId/threads/:threadId', path);
  if (params) return <ThreadScreen spaceId={params.spaceId!} threadId={params.threadId!} />;
  params = match('/spaces/:spaceId', path);
  if (params) return <SpaceScreen spaceId={params.spaceId!} />;
  if (path === '/cards') return <CardsScreen />;
  if (path === '/tickets') return <TicketsScreen />;
  if (path === '/queue') return <QueueScreen />;
  // Q1: the invoice mail links /licences?invoice=<id>: the one invoices screen opens it
  if (path === '/licences' && route.query.get('invoice')) return <Redirect to={`/admin/invoices?invoice=${encodeURIComponent(route.query.get('invoice')!)}`} />;
  if (path === '/licences') return <LicencesScreen />;
  if (path === '/admin/members') return <AdminMembersScreen />;
  if (path === '/admin/contract') return <AdminContractScreen />;
  if (path === '/admin/invoices') return <AdminInvoicesScreen openId={route.query.get('invoice')} />;
  if (path === '/admin/settings') return <AdminSettingsScreen />;
  if (path === '/audit') return <AuditLogScreen acrossTenants={isOperator} />;
  if (path === '/vendor/tenants') return <VendorTenantsScreen />;
  if (path === '/vendor/billing') return <VendorBillingScreen />;
  if (path === '/vendor/invoices') return <VendorInvoicesScreen />;
  if (path === '/vendor/prices') return <VendorPricesScreen />;
  if (path === '/vendor/contracts') return <VendorContractsScreen />;
  if (path === '/vendor/catalogue') return <VendorCatalogueScreen />;
  return <NotFound />;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function NotFound() {
  const { t } = useI18n();
  return <p role="alert">{t('notFound')}</p>;
}
