import { useEffect, useState } from 'react';
import { Link } from '../../app/router.js';
import { Notice, Screen } from '../../app/ui.js';
import { useI18n } from '../../i18n/index.js';
import { loadPendingReset, resetLink } from '../password-reset/pending-reset.js';
import { codeInMessage } from './code-in-message.js';

interface DemoMessage {
  sentAt: string;
  login: string;
  channel: string;
  to: string;
  text: string;
}

/** Demo only: what the simulated billing "sent", with the reset link for a reset asked for in this browser. */
export function Outbox() {
  const t = useI18n();
  const { m } = t;
  const [messages, setMessages] = useState<DemoMessage[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const pending = loadPendingReset();
  // Only the newest code for the login matches the ticket this browser holds.
  const newestForPending = messages?.find((message) => message.login === pending?.login);

  useEffect(() => {
    let current = true;
    fetch('/demo/outbox', { headers: { accept: 'application/json' }, cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<DemoMessage[]>) : Promise.reject(new Error(String(response.status)))))
      .then((list) => current && setMessages([...list].reverse()))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [attempt]);

  return (
    <Screen title={m.outboxTitle}>
      <p>{m.outboxIntro}</p>
      {failed && (
        <>
          <Notice tone="error">{m.errorNetwork}</Notice>
          <button
            type="button"
            className="button"
            onClick={() => {
              setFailed(false);
              setAttempt((count) => count + 1);
            }}
          >
            {m.retry}
          </button>
        </>
      )}
      {messages?.length === 0 && <p>{m.outboxEmpty}</p>}
      {messages && messages.length > 0 && (
        <ul className="list" data-testid="outbox">
          {messages.map((message, index) => {
            const code = codeInMessage(message.text);
            const link = code && pending && message === newestForPending ? resetLink(pending.ticket, code) : null;
            return (
              <li key={`${message.sentAt}-${index}`} className="card">
                <p className="sub">
                  {t.recentTime(message.sentAt)} · {m.outboxTo({ channel: message.channel, to: message.to })} · {message.login}
                </p>
                <p>{message.text}</p>
                {code && <p className="figure">{m.outboxCode({ code })}</p>}
                {link && (
                  <Link className="button primary" to={link}>
                    {m.openResetLink}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Screen>
  );
}
