import { useEffect, useState } from 'react';
import { call } from '../../app/api.js';
import { Link } from '../../app/router.js';
import { useI18n } from '../../i18n/index.js';
import { PauseQuery } from './documents.js';

/**
 * Beside "Paused until": "End the pause" where the billing lets the subscriber end it here (asked
 * only for a paused account, so other dashboards cost the billing nothing more); the pause screen
 * shows what ending it does before anything is sent.
 */
export function PauseAction() {
  const { m } = useI18n();
  const [canEnd, setCanEnd] = useState(false);
  useEffect(() => {
    let shown = true;
    call(PauseQuery).then(
      (data) => shown && setCanEnd(data.me?.pause?.active === true && data.me.pause.rules.canEnd),
      () => undefined,
    );
    return () => {
      shown = false;
    };
  }, []);
  return (
    <Link className="button" to="/pause">
      {canEnd ? m.pauseEnd : m.pauseTitle}
    </Link>
  );
}
