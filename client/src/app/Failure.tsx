import { useI18n } from '../i18n/index.js';
import type { ApiError } from './api.js';
import { useCabinet } from './cabinet-state.js';
import { errorText } from './error-text.js';
import { refusal } from './refusal.js';
import { Link } from './router.js';
import { screenShown } from './screens.js';
import { Notice } from './ui.js';

/**
 * An action that failed, in words the subscriber reads: a billing's refusal is translated and comes with
 * the way on (top up, support); its own words stay one tap away under "Details", marked as the ISP's.
 */
export function Failure({ error }: { error: ApiError }) {
  const t = useI18n();
  const { m } = t;
  const { cabinet } = useCabinet();
  if (error.code !== 'NOT_ALLOWED') return <Notice tone="error">{errorText(t, error)}</Notice>;
  const { text, next, raw } = refusal(t, error);
  const capabilities = cabinet?.capabilities;
  const phone = cabinet?.support?.phone;
  return (
    <Notice tone="error">
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
