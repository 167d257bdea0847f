import { useEffect, useRef, useState } from 'react';
import { asApiError, call, type ApiError } from '../../app/api.js';
import { useSignedIn } from '../../app/cabinet-state.js';
import { errorText } from '../../app/error-text.js';
import { Link } from '../../app/router.js';
import { Notice, Screen } from '../../app/ui.js';
import type { TopUpStatusQuery as TopUpStatusData } from '../../gql/graphql.js';
import { useI18n } from '../../i18n/index.js';
import { TopUpStatusQuery } from './documents.js';

const POLL_MS = 2000;
/** The states after which nothing changes without a person. */
const SETTLED = new Set(['CREDITED', 'FAILED', 'EXPIRED', 'NEEDS_REVIEW']);

/**
 * Where the acquirer sends the subscriber back: follows the top-up as the cabinet records it (never
 * what the return address says) until it is credited, then shows the new balance.
 */
export function TopUpReturn({ id }: { id: string }) {
  const t = useI18n();
  const { m } = t;
  const { refresh } = useSignedIn();
  // The dashboard is refreshed once, when the money arrives; a new refresh function must not restart the polling.
  const refreshDashboard = useRef(refresh);
  refreshDashboard.current = refresh;
  const [state, setState] = useState<TopUpStatusData | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current = true;
    const poll = async () => {
      try {
        const data = await call(TopUpStatusQuery, { id });
        if (!current) return;
        setState(data);
        setFailure(null);
        if (data.topUp && SETTLED.has(data.topUp.status)) {
          if (data.topUp.status === 'CREDITED') void refreshDashboard.current();
          return;
        }
      } catch (error) {
        if (current) setFailure(asApiError(error));
      }
      if (current) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [id]);

  const topUp = state?.topUp;
  return (
    <Screen title={m.topUpTitle}>
      {failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
      {state && !topUp && <Notice tone="error">{m.topUpUnknown}</Notice>}
      {topUp && (
        <div data-testid="top-up-state">
          {topUp.status === 'CREDITED' && state.me ? (
            <Notice tone="success">
              {m.topUpCredited({ amount: t.money(topUp.amount) })} {m.newBalance({ balance: t.money(state.me.balance) })}
            </Notice>
          ) : topUp.status === 'FAILED' || topUp.status === 'EXPIRED' ? (
            <Notice tone="warning">{m.topUpNotPaid}</Notice>
          ) : topUp.status === 'NEEDS_REVIEW' ? (
            <Notice tone="info">{m.topUpReview({ amount: t.money(topUp.amount) })}</Notice>
          ) : (
            <Notice tone="info">{m.topUpWaiting({ amount: t.money(topUp.amount) })}</Notice>
          )}
        </div>
      )}
      <p>
        <Link to="/">{m.toHome}</Link>
      </p>
    </Screen>
  );
}
