import { Component, lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { SignIn } from '../features/auth/SignIn.js';
import { Dashboard } from '../features/dashboard/Dashboard.js';
import { browserSupportsPush } from '../features/push/support.js';
import { createI18n, I18nContext, loadMessages, useI18n, type I18n, type Language } from '../i18n/index.js';
import { CabinetContext, useCabinet, useCabinetLoader } from './cabinet-state.js';
import { errorText } from './error-text.js';
import { localData, type ThemePreference } from './local-data.js';
import { PreferencesContext, PreferencesForm } from './preferences.js';
import { Link, navigate, useLocation } from './router.js';
import { screenShown } from './screens.js';
import { useWaitingUpdate } from './service-worker.js';
import { applyBrandColor, applyTheme } from './theme.js';
import { Loading, Notice, Screen } from './ui.js';

// Secondary screens load on demand; the sign-in form and the dashboard are the first screen.
const Services = lazy(() => import('../features/services/Services.js').then((module) => ({ default: module.Services })));
const PromisePay = lazy(() => import('../features/promise-pay/PromisePay.js').then((module) => ({ default: module.PromisePay })));
const Payments = lazy(() => import('../features/payments/Payments.js').then((module) => ({ default: module.Payments })));
const PasswordReset = lazy(() =>
  import('../features/password-reset/PasswordReset.js').then((module) => ({ default: module.PasswordReset })),
);
const TopUp = lazy(() => import('../features/top-up/TopUp.js').then((module) => ({ default: module.TopUp })));
const TopUpReturn = lazy(() => import('../features/top-up/TopUpReturn.js').then((module) => ({ default: module.TopUpReturn })));
const More = lazy(() => import('../features/more/More.js').then((module) => ({ default: module.More })));
const Support = lazy(() => import('../features/support/Support.js').then((module) => ({ default: module.Support })));
const Notices = lazy(() => import('../features/notices/Notices.js').then((module) => ({ default: module.Notices })));
const History = lazy(() => import('../features/history/History.js').then((module) => ({ default: module.History })));
const Connection = lazy(() => import('../features/connection/Connection.js').then((module) => ({ default: module.Connection })));
const Pause = lazy(() => import('../features/pause/Pause.js').then((module) => ({ default: module.Pause })));
const Tariff = lazy(() => import('../features/tariff/Tariff.js').then((module) => ({ default: module.Tariff })));
const Profile = lazy(() => import('../features/profile/Profile.js').then((module) => ({ default: module.Profile })));
const Outbox = lazy(() => import('../features/demo-outbox/Outbox.js').then((module) => ({ default: module.Outbox })));

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

  // Where the acquirer sends the subscriber back: /top-up/<the top-up's id>.
  const topUpReturn = /^\/top-up\/([0-9a-f-]{36})$/.exec(path);
  if (!topUpReturn && !screenShown(path, capabilities)) return <NotFound />;
  if (!dashboard) return dashboardError ? <DashboardUnavailable /> : <SignIn />;
  if (topUpReturn) return <TopUpReturn id={topUpReturn[1]!} />;
  switch (path) {
    case '/top-up':
      return <TopUp />;
    case '/services':
      return <Services />;
    case '/promise-pay':
      return <PromisePay />;
    case '/payments':
      return <Payments />;
    case '/more':
      return <More />;
    case '/support':
      return <Support />;
    case '/notices':
      return <Notices />;
    case '/history':
      return <History />;
    case '/connection':
      return <Connection />;
    case '/pause':
      return <Pause />;
    case '/tariff':
      return <Tariff />;
    case '/profile':
      return <Profile />;
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
            {asOf ? (canAct ? m.billingDown({ asOf }) : m.offline({ asOf })) : m.offlineNoData}
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

/** 24 px outline icons for the bottom bar; the label beside each says what it is. */
const ICONS: Record<string, string> = {
  home: 'M3 11 12 4l9 7v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
  topUp: 'M3 7h18v12H3zM3 11h18M12 3v6m-3-3h6',
  services: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z',
  history: 'M12 7v5l3 2M3.5 12a8.5 8.5 0 1 0 2.5-6L3 9M3 4v5h5',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
};

function NavIcon({ name }: { name: string }) {
  return (
    <svg aria-hidden="true" focusable="false" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d={ICONS[name]} />
    </svg>
  );
}

/** The bottom bar: Home · Top up · Services · History · More, each only where its screen exists. */
function Navigation() {
  const { m } = useI18n();
  const { path } = useLocation();
  const { cabinet, dashboard } = useCabinet();
  if (!cabinet || !dashboard) return null;
  const { capabilities } = cabinet;
  const history = screenShown('/history', capabilities) ? '/history' : '/payments';
  const items = [
    { to: '/', icon: 'home', label: m.navHome },
    { to: '/top-up', icon: 'topUp', label: m.navTopUp },
    { to: '/services', icon: 'services', label: m.navServices },
    { to: history, icon: 'history', label: m.navHistory },
    { to: '/more', icon: 'more', label: m.navMore },
  ].filter((item) => screenShown(item.to, capabilities));
  return (
    <nav className="tabs" aria-label={m.mainNavigation}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} aria-current={path === item.to ? 'page' : undefined}>
              <NavIcon name={item.icon} />
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
  const { cabinet, dashboard, signOut: signOutOfCabinet } = useCabinet();
  const signOut = async () => {
    navigate('/');
    // Notifications about this account stop here too, while the session still lets the BFF forget the subscription.
    await signOutOfCabinet(async () => {
      if (browserSupportsPush()) await import('../features/push/push-subscription.js').then((push) => push.turnOffPush());
    });
  };
  return (
    <header className="bar">
      <Brand name={cabinet?.name ?? document.title} />
      {dashboard && (
        <button type="button" className="button on-bar" onClick={() => void signOut()}>
          {m.signOut}
        </button>
      )}
    </header>
  );
}

/** The ISP's logo and name, home. Needs no dictionary: the page shows it while its dictionary loads. */
function Brand({ name }: { name: string }) {
  return (
    <Link to="/" className="brand">
      {/* The name beside it says what the logo does: alt="" keeps screen readers from reading it twice. */}
      {logoUrl && <img src={logoUrl} alt="" width={32} height={32} />}
      {name}
    </Link>
  );
}

/** Before sign-in the language and appearance sit under the form; afterwards they are in More. */
function Settings() {
  const { m } = useI18n();
  const { dashboard } = useCabinet();
  if (dashboard) return null;
  return (
    <footer className="page-settings" aria-label={m.settings}>
      <PreferencesForm />
    </footer>
  );
}

/**
 * The words on screen: none until the first language's dictionary is in (so no text flashes in
 * another language), and on a switch the old words stay until the new ones are in.
 */
function useLocalization(firstLanguage: Language) {
  const [i18n, setI18n] = useState<I18n | null>(null);
  const [failed, setFailed] = useState(false);
  // Only the last choice is shown, whichever dictionary arrives last.
  const wanted = useRef(firstLanguage);
  const show = async (language: Language) => {
    wanted.current = language;
    const messages = await loadMessages(language);
    if (wanted.current === language) setI18n(createI18n(language, messages, navigator.languages));
  };
  // Once, for the language the page started in (main.tsx has begun loading it); later ones come from chooseLanguage.
  useEffect(() => {
    show(firstLanguage).catch(() => setFailed(true));
  }, []);
  const chooseLanguage = (language: Language) => {
    // Saved once it is shown: a dictionary that cannot load leaves the page, and the choice, as they were.
    show(language).then(() => localData.saveLanguage(language), () => undefined);
  };
  return { i18n, failed, chooseLanguage };
}

/**
 * The first dictionary did not load (its chunk gone after a deploy, before the service worker
 * had it): the one text the page can show without a dictionary, in each language.
 */
function DictionaryFailed() {
  return (
    <main id="main">
      <button type="button" className="button primary" onClick={() => location.reload()}>
        <span lang="uk">Перезавантажити</span> · <span lang="ru">Перезагрузить</span> · <span lang="en">Reload</span>
      </button>
    </main>
  );
}

export function App({ firstLanguage }: { firstLanguage: Language }) {
  const cabinetState = useCabinetLoader();
  const { i18n, failed, chooseLanguage } = useLocalization(firstLanguage);
  const [theme, setTheme] = useState<ThemePreference>(() => localData.loadTheme());
  const themeColor = cabinetState.cabinet?.themeColor;
  const { path } = useLocation();
  const language = i18n?.language;

  useEffect(() => {
    if (language) document.documentElement.lang = language;
  }, [language]);
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    if (themeColor) applyBrandColor(themeColor);
  }, [themeColor]);

  const chooseTheme = (next: ThemePreference) => {
    localData.saveTheme(next);
    setTheme(next);
  };

  if (!i18n) {
    // The bar with the ISP's name (the BFF wrote it into the page's title) is up before the words are.
    return failed ? (
      <DictionaryFailed />
    ) : (
      <header className="bar">
        <Brand name={document.title} />
      </header>
    );
  }
  const preferences = { language: i18n.language, chooseLanguage, theme, chooseTheme };

  return (
    <I18nContext.Provider value={i18n}>
      <PreferencesContext.Provider value={preferences}>
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
          <Settings />
        </CabinetContext.Provider>
      </PreferencesContext.Provider>
    </I18nContext.Provider>
  );
}
