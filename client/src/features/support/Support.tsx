import { useId, useState, type FormEvent } from 'react';
import { asApiError, call, newIdempotencyKey, type ApiError } from '../../app/api.js';
import { ReadList, ReadProgress, useScreenRead } from '../../app/screen-read.js';
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
  return (
    <Screen title={m.ticketsTitle}>
      <p>{m.ticketsIntro}</p>
      <Link className="button primary" to="/support?new">
        {m.ticketNew}
      </Link>
      <ReadList items={data?.me.tickets} failure={failure} onRetry={reload} empty={m.ticketsEmpty}>
        {(tickets) => (
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
      </ReadList>
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

/** A message being written and its sending: one at a time, never an empty one, and why the last one failed. */
function useMessage(send: (text: string) => Promise<void>) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  return {
    text,
    setText,
    sending,
    failure,
    /** Sends the text; once it is sent, the field is empty again. */
    async submit(event: FormEvent) {
      event.preventDefault();
      if (!text.trim() || sending) return;
      setSending(true);
      setFailure(null);
      try {
        await send(text);
        setText('');
      } catch (error) {
        setFailure(asApiError(error));
      }
      setSending(false);
    },
  };
}

/** The message's field with its limit (`setText` where typing does more than set it), why the last send failed, and Send. */
function MessageSend({ message, setText = message.setText, label }: { message: ReturnType<typeof useMessage>; setText?: (text: string) => void; label: string }) {
  const t = useI18n();
  const { m } = t;
  const { canAct } = useSignedIn();
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea id={id} rows={5} required maxLength={TEXT_MAX} value={message.text} onChange={(event) => setText(event.target.value)} aria-describedby={`${id}-hint`} />
        <p id={`${id}-hint`} className="hint">
          {m.ticketTextHint({ max: TEXT_MAX })}
        </p>
      </div>
      {message.failure && <Notice tone="error">{errorText(t, message.failure)}</Notice>}
      <button type="submit" className="button primary" disabled={!canAct || message.sending || !message.text.trim()}>
        {message.sending ? m.ticketSending : m.ticketSend}
      </button>
    </>
  );
}

function Conversation({ id }: { id: string }) {
  const t = useI18n();
  const { m } = t;
  const loaded = useScreenRead(() => call(TicketQuery, { id }));
  const [ticket, setTicket] = useState<TicketFieldsFragment | null>(null);
  const reply = useMessage(async (text) => setTicket((await call(ReplyToTicketMutation, { ticketId: id, text })).replyToTicket));
  const shown = ticket ?? loaded.data?.me.ticket ?? null;

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
            <form className="card" onSubmit={(event) => void reply.submit(event)} aria-label={m.ticketReply}>
              <MessageSend message={reply} label={m.ticketReplyLabel} />
            </form>
          )}
        </>
      )}
    </Screen>
  );
}

function NewTicket() {
  const { m } = useI18n();
  const subjectId = useId();
  const [subject, setSubject] = useState('');
  // One key per draft: sending it again after a lost answer cannot write a second conversation.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const message = useMessage(async (text) => {
    const created = (await call(CreateTicketMutation, { subject: subject.trim() || null, text, idempotencyKey })).createTicket;
    navigate(`/support?ticket=${encodeURIComponent(created.id)}`, { replace: true });
  });
  const edit = (change: () => void) => {
    change();
    setIdempotencyKey(newIdempotencyKey());
  };

  return (
    <Screen title={m.ticketNew}>
      <p>
        <Link to="/support">{m.ticketBack}</Link>
      </p>
      <form className="card" onSubmit={(event) => void message.submit(event)}>
        <div className="field">
          <label htmlFor={subjectId}>{m.ticketSubject}</label>
          <input id={subjectId} maxLength={SUBJECT_MAX} value={subject} onChange={(event) => edit(() => setSubject(event.target.value))} />
        </div>
        <MessageSend message={message} setText={(value) => edit(() => message.setText(value))} label={m.ticketText} />
      </form>
    </Screen>
  );
}
