import { Component, lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { SignIn } from '../features/auth/SignIn.js';
import { LogoutMutation } from '../features/auth/documents.js';
import { Dashboard } from '../features/dashboard/Dashboard.js';
import { browserSupportsPush } from '../features/push/support.js';
import { createI18n, I18nContext, isLanguage, LANGUAGES, languageName, matchLanguage, useI18n, type Language } from '../i18n/index.js';
import { call } from './api.js';
import { CabinetContext, useCabinet, useCabinetLoader } from './cabinet-state.js';
import { errorText } from './error-text.js';
import { localData, type ThemePreference } from './local-data.js';
import { Link, navigate, useLocation } from './router.js';
import { useWaitingUpdate } from './service-worker.js';
import { applyBrandColor, applyTheme } from './theme.js';
import { Notice, Screen } from './ui.js';

// Secondary screens load on demand; the sign-in form and the dashboard are the first screen.
const Services = lazy(() => import('../features/services/Services.js').then((module) => ({ default: module.Services })));
const PromisePay = lazy(() => import('../features/promise-pay/PromisePay.js').then((module) => ({ default: module.PromisePay })));
const Payments = lazy(() => import('../features/payments/Payments.js').then((module) => ({ default: module.Payments })));
const PasswordReset = lazy(() =>
  import('../features/password-reset/PasswordReset.js').then((module) => ({ default: module.PasswordReset })),
);
const Outbox = lazy(() => import('../features/demo-outbox/Outbox.js').then((module) => ({ default: module.Outbox })));

function initialLanguage(): Language {
  const saved = localData.loadLanguage();
  return isLanguage(saved) ? saved : matchLanguage(navigator.languages);
}

function Loading() {
  const { m } = useI18n();
  return (
    <p className="loading" role="status">
      {m.loading}
    </p>
  );
}

function NotFound() {
  const { m } = useI18n();
  return (
    <Screen title={m.notFoundTitle}>
      <p>
        <Link to="/">{m.toHome}</Link>
      </p>
    </Screen>
  );
}

function Unreachable() {
  const { m } = useI18n();
  const { refresh } = useCabinet();
  return (
    <Screen title={document.title}>
      <Notice tone="warning">{m.offlineNoData}</Notice>
      <button type="button" className="button" onClick={() => void refresh()}>
        {m.retry}
      </button>
    </Screen>
  );
}

function DashboardUnavailable() {
  const t = useI18n();
  const { dashboardError, refresh } = useCabinet();
  return (
    <Screen title={t.m.dashboardTitle}>
      {dashboardError && <Notice tone="error">{errorText(t, dashboardError)}</Notice>}
      <button type="button" className="button" onClick={() => void refresh()}>
        {t.m.retry}
      </button>
    </Screen>
  );
}

function ScreenFailed() {
  const { m } = useI18n();
  return (
    <Screen title={m.errorUnknown}>
      <button type="button" className="button primary" onClick={() => location.reload()}>
        {m.reload}
      </button>
    </Screen>
  );
}

/**
 * A screen that cannot load (say, its chunk is gone after a deploy to a browser without the
 * service worker yet) offers a reload instead of leaving a blank page.
 */
class ScreenBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <ScreenFailed /> : this.props.children;
  }
}

function Routes() {
  const { path } = useLocation();
  const { phase, cabinet, dashboard, dashboardError } = useCabinet();
  if (phase === 'loading') return <Loading />;
  if (phase === 'unreachable' || !cabinet) return <Unreachable />;
  const { capabilities } = cabinet;

  if (path === '/reset') return capabilities.passwordReset ? <PasswordReset /> : <NotFound />;
  if (path === '/outbox') return cabinet.demo ? <Outbox /> : <NotFound />;

  const signedInScreens: Record<string, boolean> = {
    '/': true,
    '/services': capabilities.services,
    '/promise-pay': capabilities.promisePay,
    '/payments': capabilities.payments,
  };
  if (!signedInScreens[path]) return <NotFound />;
  if (!dashboard) return dashboardError ? <DashboardUnavailable /> : <SignIn />;
  switch (path) {
    case '/services':
      return <Services />;
    case '/promise-pay':
      return <PromisePay />;
    case '/payments':
      return <Payments />;
    default:
      return <Dashboard />;
  }
}

/** What the subscriber must know about the data on screen and the app itself, above every screen. */
function Banners() {
  const t = useI18n();
  const { m } = t;
  const { dashboard, stale, canAct, phase, refresh } = useCabinet();
  const applyUpdate = useWaitingUpdate();
  const asOf = dashboard ? t.recentTime(dashboard.savedAt) : null;
  return (
    <div className="banners">
      {applyUpdate && (
        <div className="banner update" role="status">
          <p>{m.updateAvailable}</p>
          <button type="button" className="button" onClick={applyUpdate}>
            {m.reload}
          </button>
        </div>
      )}
      {phase === 'ready' && (!canAct || stale === 'billing-down') && (
        <div className="banner offline" role="status" data-testid="offline-banner">
          <p>
            {asOf ? (canAct ? m.billingDown(asOf) : m.offline(asOf)) : m.offlineNoData}
            {asOf && !canAct && ` ${m.needsConnection}`}
          </p>
          <button type="button" className="button" onClick={() => void refresh()}>
            {m.retry}
          </button>
        </div>
      )}
    </div>
  );
}

function Navigation() {
  const { m } = useI18n();
  const { path } = useLocation();
  const { cabinet, dashboard } = useCabinet();
  if (!cabinet || !dashboard) return null;
  const items = [
    { to: '/', label: m.navHome, shown: true },
    { to: '/services', label: m.navServices, shown: cabinet.capabilities.services },
    { to: '/promise-pay', label: m.navPromisePay, shown: cabinet.capabilities.promisePay },
    { to: '/payments', label: m.navPayments, shown: cabinet.capabilities.payments },
  ].filter((item) => item.shown);
  return (
    <nav className="tabs" aria-label={m.mainNavigation}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} aria-current={path === item.to ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The ISP's logo, when the BFF put one in the page (CABINET_LOGO; server/pwa/index-html.ts). */
const logoUrl = document.querySelector<HTMLMetaElement>('meta[name="cabinet-logo"]')?.content;

function Header() {
  const { m } = useI18n();
  const { cabinet, dashboard, forgetSubscriber } = useCabinet();
  const signOut = async () => {
    // Private data goes first and whatever happens next: offline, the server session simply expires.
    forgetSubscriber();
    navigate('/');
    // Notifications about this account stop here too, while the session still lets the BFF forget the subscription.
    if (browserSupportsPush()) await import('../features/push/push-subscription.js').then((push) => push.turnOffPush()).catch(() => undefined);
    await call(LogoutMutation).catch(() => undefined);
  };
  return (
    <header className="bar">
      <Link to="/" className="brand">
        {/* The name beside it says what the logo does: alt="" keeps screen readers from reading it twice. */}
        {logoUrl && <img src={logoUrl} alt="" width={32} height={32} />}
        {cabinet?.name ?? document.title}
      </Link>
      {dashboard && (
        <button type="button" className="button on-bar" onClick={() => void signOut()}>
          {m.signOut}
        </button>
      )}
    </header>
  );
}

function Settings({
  language,
  onLanguage,
  theme,
  onTheme,
}: {
  language: Language;
  onLanguage(language: Language): void;
  theme: ThemePreference;
  onTheme(theme: ThemePreference): void;
}) {
  const { m } = useI18n();
  return (
    <footer className="settings" aria-label={m.settings}>
      <label>
        {m.language}
        <select value={language} onChange={(event) => isLanguage(event.target.value) && onLanguage(event.target.value)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {languageName(code)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {m.theme}
        <select value={theme} onChange={(event) => onTheme(event.target.value as ThemePreference)}>
          <option value="system">{m.themeSystem}</option>
          <option value="light">{m.themeLight}</option>
          <option value="dark">{m.themeDark}</option>
        </select>
      </label>
    </footer>
  );
}

export function App() {
  const cabinetState = useCabinetLoader();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [theme, setTheme] = useState<ThemePreference>(() => localData.loadTheme());
  const i18n = useMemo(() => createI18n(language, navigator.languages), [language]);
  const themeColor = cabinetState.cabinet?.themeColor;
  const { path } = useLocation();

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    if (themeColor) applyBrandColor(themeColor);
  }, [themeColor]);

  const chooseLanguage = (next: Language) => {
    localData.saveLanguage(next);
    setLanguage(next);
  };
  const chooseTheme = (next: ThemePreference) => {
    localData.saveTheme(next);
    setTheme(next);
  };

  return (
    <I18nContext.Provider value={i18n}>
      <CabinetContext.Provider value={cabinetState}>
        <Header />
        <Banners />
        <main id="main">
          <ScreenBoundary key={path}>
            <Suspense fallback={<Loading />}>
              <Routes />
            </Suspense>
          </ScreenBoundary>
        </main>
        <Navigation />
        <Settings language={language} onLanguage={chooseLanguage} theme={theme} onTheme={chooseTheme} />
      </CabinetContext.Provider>
    </I18nContext.Provider>
  );
}
