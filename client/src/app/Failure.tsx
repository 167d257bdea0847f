import { useI18n } from '../i18n/index.js';
import type { ApiError } from './api.js';
import { useCabinet } from './cabinet-state.js';
import { errorText } from './error-text.js';
import { refusal, type Refusal } from './refusal.js';
import { Link } from './router.js';
import { screenShown } from './screens.js';
import { Notice } from './ui.js';

/**
 * An action that failed, in words the subscriber reads: a billing's refusal is translated and comes with
 * the way on (top up, support); its own words stay one tap away under "Details", marked as the ISP's.
 */
export function Failure({ error }: { error: ApiError }) {
  const t = useI18n();
  if (error.code !== 'NOT_ALLOWED') return <Notice tone="error">{errorText(t, error)}</Notice>;
  return <RefusalNotice refusal={refusal(t, error)} tone="error" />;
}

/** Why the billing says no, or would say it: the reason, then what the subscriber can do instead. */
export function RefusalNotice({ refusal: { text, next, raw }, tone }: { refusal: Refusal; tone: 'error' | 'info' }) {
  const { m } = useI18n();
  const { cabinet } = useCabinet();
  const capabilities = cabinet?.capabilities;
  const phone = cabinet?.support?.phone;
  return (
    <Notice tone={tone}>
      <p>{text}</p>
      {next === 'top-up' && capabilities && screenShown('/top-up', capabilities) && (
        <p>
          <Link to="/top-up">{m.navTopUp}</Link>
        </p>
      )}
      {next === 'support' &&
        (capabilities && screenShown('/support', capabilities) ? (
          <p>
            <Link to="/support">{m.contactSupport}</Link>
          </p>
        ) : (
          phone && (
            <p>
              {m.contactSupport}: <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
            </p>
          )
        ))}
      {raw && (
        <details className="details">
          <summary>{m.details}</summary>
          <p>
            {m.billingSaid} <span className="billing-text">{raw}</span>
          </p>
        </details>
      )}
    </Notice>
  );
}
