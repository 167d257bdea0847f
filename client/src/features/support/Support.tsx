import { useId, useState, type FormEvent } from 'react';
import { asApiError, call, newIdempotencyKey, type ApiError } from '../../app/api.js';
import { ReadProgress, useScreenRead } from '../../app/screen-read.js';
import { useSignedIn } from '../../app/cabinet-state.js';
import { errorText } from '../../app/error-text.js';
import { Link, navigate, useLocation } from '../../app/router.js';
import { Notice, Screen } from '../../app/ui.js';
import type { TicketFieldsFragment } from '../../gql/graphql.js';
import { useI18n } from '../../i18n/index.js';
import { CreateTicketMutation, ReplyToTicketMutation, TicketQuery, TicketsQuery } from './documents.js';

/** The server's limits (shared/validation.ts), said before sending. */
const SUBJECT_MAX = 120;
const TEXT_MAX = 2000;

/** The support screen: /support lists the conversations, /support?ticket=<id> shows one (a push opens it), /support?new lists a form. */
export function Support() {
  const { query } = useLocation();
  const ticket = query.get('ticket');
  if (ticket) return <Conversation key={ticket} id={ticket} />;
  if (query.has('new')) return <NewTicket />;
  return <Conversations />;
}

function Conversations() {
  const t = useI18n();
  const { m } = t;
  const { data, failure, reload } = useScreenRead(() => call(TicketsQuery));
  const tickets = data?.me.tickets;
  return (
    <Screen title={m.ticketsTitle}>
      <p>{m.ticketsIntro}</p>
      <Link className="button primary" to="/support?new">
        {m.ticketNew}
      </Link>
      {!tickets && <ReadProgress failure={failure} onRetry={reload} />}
      {tickets?.length === 0 && <p>{m.ticketsEmpty}</p>}
      {tickets && tickets.length > 0 && (
        <ul className="card rows tickets" data-testid="tickets">
          {tickets.map((ticket) => (
            <li key={ticket.id}>
              <span>
                <Link to={`/support?ticket=${encodeURIComponent(ticket.id)}`}>{ticket.subject ?? m.ticketNoSubject}</Link>
                <span className="sub">{m.ticketStarted({ date: t.instantDate(ticket.createdAt) })}</span>
              </span>
              <span className={`ticket-status ${ticket.status === 'OPEN' ? 'open' : 'closed'}`}>{ticket.status === 'OPEN' ? m.ticketOpen : m.ticketClosed}</span>
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}

function Messages({ ticket }: { ticket: TicketFieldsFragment }) {
  const t = useI18n();
  const { m } = t;
  return (
    <ol className="messages" data-testid="messages">
      {ticket.messages.map((message, index) => (
        <li key={`${message.at}-${index}`} className={`message ${message.from === 'ISP' ? 'from-isp' : 'from-subscriber'}`}>
          <p className="message-meta">
            <strong>{message.from === 'ISP' ? m.ticketFromIsp : m.ticketFromYou}</strong> · {t.recentTime(message.at)}
          </p>
          {/* Text, never HTML: React escapes it, and line breaks stay as written. */}
          <p className="message-text">{message.text}</p>
        </li>
      ))}
    </ol>
  );
}

function MessageField({ text, setText, label }: { text: string; setText: (text: string) => void; label: string }) {
  const { m } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={5} required maxLength={TEXT_MAX} value={text} onChange={(event) => setText(event.target.value)} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="hint">
        {m.ticketTextHint({ max: TEXT_MAX })}
      </p>
    </div>
  );
}

function Conversation({ id }: { id: string }) {
  const t = useI18n();
  const { m } = t;
  const { canAct } = useSignedIn();
  const loaded = useScreenRead(() => call(TicketQuery, { id }));
  const [ticket, setTicket] = useState<TicketFieldsFragment | null>(null);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const shown = ticket ?? loaded.data?.me.ticket ?? null;

  const reply = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || sending) return;
    setSending(true);
    setFailure(null);
    try {
      setTicket((await call(ReplyToTicketMutation, { ticketId: id, text })).replyToTicket);
      setText('');
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Screen title={shown?.subject ?? m.ticketNoSubject}>
      <p>
        <Link to="/support">{m.ticketBack}</Link>
      </p>
      {!loaded.data && <ReadProgress failure={loaded.failure} onRetry={loaded.reload} />}
      {loaded.data && !shown && <Notice tone="warning">{m.ticketNotFound}</Notice>}
      {shown && (
        <>
          <p className="sub">
            {m.ticketStarted({ date: t.instantDate(shown.createdAt) })} · {shown.status === 'OPEN' ? m.ticketOpen : m.ticketClosed}
          </p>
          <Messages ticket={shown} />
          {shown.status === 'CLOSED' ? (
            <Notice tone="info">{m.ticketClosedHint}</Notice>
          ) : (
            <form className="card" onSubmit={(event) => void reply(event)} aria-label={m.ticketReply}>
              <MessageField text={text} setText={setText} label={m.ticketReplyLabel} />
              {failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
              <button type="submit" className="button primary" disabled={!canAct || sending || !text.trim()}>
                {sending ? m.ticketSending : m.ticketSend}
              </button>
            </form>
          )}
        </>
      )}
    </Screen>
  );
}

function NewTicket() {
  const t = useI18n();
  const { m } = t;
  const { canAct } = useSignedIn();
  const subjectId = useId();
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  // One key per draft: sending it again after a lost answer cannot write a second conversation.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const edit = (change: () => void) => {
    change();
    setIdempotencyKey(newIdempotencyKey());
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || sending) return;
    setSending(true);
    setFailure(null);
    try {
      const created = (await call(CreateTicketMutation, { subject: subject.trim() || null, text, idempotencyKey })).createTicket;
      navigate(`/support?ticket=${encodeURIComponent(created.id)}`, { replace: true });
    } catch (error) {
      setFailure(asApiError(error));
      setSending(false);
    }
  };

  return (
    <Screen title={m.ticketNew}>
      <p>
        <Link to="/support">{m.ticketBack}</Link>
      </p>
      <form className="card" onSubmit={(event) => void send(event)}>
        <div className="field">
          <label htmlFor={subjectId}>{m.ticketSubject}</label>
          <input id={subjectId} maxLength={SUBJECT_MAX} value={subject} onChange={(event) => edit(() => setSubject(event.target.value))} />
        </div>
        <MessageField text={text} setText={(value) => edit(() => setText(value))} label={m.ticketText} />
        {failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
        <button type="submit" className="button primary" disabled={!canAct || sending || !text.trim()}>
          {sending ? m.ticketSending : m.ticketSend}
        </button>
      </form>
    </Screen>
  );
}
