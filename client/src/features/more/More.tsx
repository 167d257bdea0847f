import { lazy, Suspense } from 'react';
import { useSignedIn } from '../../app/cabinet-state.js';
import { PreferencesForm } from '../../app/preferences.js';
import { Link } from '../../app/router.js';
import { screenShown } from '../../app/screens.js';
import { SupportContacts } from '../../app/SupportContacts.js';
import { Screen } from '../../app/ui.js';
import { useI18n } from '../../i18n/index.js';
// Only the screens' names, plain texts, so the JSON serves as it is (the screens compile the rest).
import connectionTexts from '../connection/texts.json' with { type: 'json' };
import profileTexts from '../profile/texts.json' with { type: 'json' };
import tariffTexts from '../tariff/texts.json' with { type: 'json' };
import { browserSupportsPush } from '../push/support.js';

// Only browsers that can take Web Push load it.
const PushNotifications = lazy(() => import('../push/PushNotifications.js').then((module) => ({ default: module.PushNotifications })));

/** Everything that is not a daily question: the promised payment, the account's settings and the ISP's contacts. */
export function More() {
  const { m, language } = useI18n();
  const { cabinet } = useSignedIn();
  const { capabilities } = cabinet;
  const links = [
    { to: '/connection', label: connectionTexts[language].title, shown: screenShown('/connection', capabilities) },
    { to: '/promise-pay', label: m.navPromisePay, shown: screenShown('/promise-pay', capabilities) },
    { to: '/payments', label: m.paymentsTitle, shown: screenShown('/payments', capabilities) && screenShown('/history', capabilities) },
    { to: '/tariff', label: tariffTexts[language].title, shown: screenShown('/tariff', capabilities) },
    { to: '/profile', label: profileTexts[language].title, shown: screenShown('/profile', capabilities) },
    { to: '/support', label: m.supportTitle, shown: screenShown('/support', capabilities) },
    { to: '/pause', label: m.pauseTitle, shown: screenShown('/pause', capabilities) },
  ].filter((link) => link.shown);
  return (
    <Screen title={m.moreTitle}>
      {links.length > 0 && (
        <nav className="card" aria-label={m.moreTitle}>
          <ul className="links">
            {links.map((link) => (
              <li key={link.to}>
                <Link to={link.to}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <section className="card" aria-labelledby="settings-title">
        <h2 id="settings-title">{m.settings}</h2>
        <PreferencesForm />
      </section>
      {cabinet.vapidPublicKey && browserSupportsPush() && (
        <Suspense fallback={null}>
          <PushNotifications vapidPublicKey={cabinet.vapidPublicKey} />
        </Suspense>
      )}
      <SupportContacts support={cabinet.support} />
    </Screen>
  );
}
