import { useEffect, useState } from 'react';
import { toMinorUnits } from '../../../../shared/money.js';
import { asApiError, call, newIdempotencyKey, type ApiError } from '../../app/api.js';
import { useSignedIn, type Service } from '../../app/cabinet-state.js';
import { errorText } from '../../app/error-text.js';
import { ConfirmDialog, NeedsConnection, Notice, Screen } from '../../app/ui.js';
import { useI18n, type I18n } from '../../i18n/index.js';
import { ConnectServiceMutation, DisconnectServiceMutation } from './documents.js';

/** One tap on Connect or Disconnect; its key makes a retry of the same tap act once. */
interface Intent {
  service: Service;
  connect: boolean;
  idempotencyKey: string;
}

/** How often to look again while the billing is still applying a change. */
const PENDING_POLL_MS = 10_000;

async function change(intent: Intent): Promise<Service> {
  const variables = { serviceId: intent.service.id, idempotencyKey: intent.idempotencyKey };
  if (intent.connect) return (await call(ConnectServiceMutation, variables)).connectService;
  return (await call(DisconnectServiceMutation, variables)).disconnectService;
}

function ServiceState({ service }: { service: Service }) {
  const { m } = useI18n();
  if (service.pending) {
    return (
      <>
        <p className="badge pending">{m.pending}</p>
        <p className="hint">{m.pendingHint}</p>
      </>
    );
  }
  return <p className={`badge ${service.connected ? 'on' : 'off'}`}>{service.connected ? m.connected : m.notConnected}</p>;
}

export function Services() {
  const t = useI18n();
  const { m } = t;
  const { cabinet, me, canAct, updateService, refresh } = useSignedIn();
  const [intent, setIntent] = useState<Intent | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState<((t: I18n) => string) | null>(null);
  const { serviceConnect, serviceDisconnect } = cabinet.capabilities;
  const anyPending = me.services.some((service) => service.pending);

  useEffect(() => {
    if (!anyPending || !canAct) return;
    const timer = setInterval(() => void refresh(), PENDING_POLL_MS);
    return () => clearInterval(timer);
  }, [anyPending, canAct, refresh]);

  const ask = (service: Service, connect: boolean) => {
    setFailure(null);
    setDone(null);
    setIntent({ service, connect, idempotencyKey: newIdempotencyKey() });
  };

  const confirm = async () => {
    if (!intent) return;
    setBusy(true);
    setFailure(null);
    try {
      const service = await change(intent);
      updateService(service);
      setDone(() => (words: I18n) => (intent.connect ? words.m.connectDone(service.name) : words.m.disconnectDone(service.name)));
      setIntent(null);
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  const priceText = (service: Service) => (service.price && toMinorUnits(service.price.amount) !== 0n ? t.money(service.price) : null);
  const intentPrice = intent && priceText(intent.service);

  return (
    <Screen title={m.servicesTitle}>
      {done && <Notice tone="success">{done(t)}</Notice>}
      {me.services.length === 0 && <p>{m.noServices}</p>}
      <ul className="list">
        {me.services.map((service) => {
          const price = priceText(service);
          const mayConnect = serviceConnect && !service.connected && service.canConnect && !service.pending;
          const mayDisconnect = serviceDisconnect && service.connected && service.canDisconnect && !service.pending;
          return (
            <li key={service.id} className="card service" data-testid={`service-${service.id}`}>
              <h2>{service.name}</h2>
              {service.description && <p className="sub">{service.description}</p>}
              <p>{price ? m.price(price) : m.free}</p>
              <ServiceState service={service} />
              {service.connected && !service.canDisconnect && !service.pending && <p className="hint">{m.onlyProviderDisconnects}</p>}
              {(mayConnect || mayDisconnect) && (
                <>
                  <button
                    type="button"
                    className={`button ${mayConnect ? 'primary' : ''}`}
                    disabled={!canAct}
                    onClick={() => ask(service, mayConnect)}
                  >
                    {mayConnect ? m.connect : m.disconnect}
                    <span className="visually-hidden">: {service.name}</span>
                  </button>
                  {!canAct && <NeedsConnection />}
                </>
              )}
            </li>
          );
        })}
      </ul>
      {intent && (
        <ConfirmDialog
          title={intent.connect ? m.connectConfirmTitle(intent.service.name) : m.disconnectConfirmTitle(intent.service.name)}
          confirmLabel={intent.connect ? m.confirmConnect : m.confirmDisconnect}
          busy={busy}
          error={failure && errorText(t, failure)}
          onConfirm={() => void confirm()}
          onCancel={() => setIntent(null)}
        >
          {intent.connect ? (
            <>
              <p>{intentPrice ? m.connectCost(intentPrice) : m.connectFree}</p>
              <p>{m.connectWhen}</p>
            </>
          ) : (
            <p>{m.disconnectWhen}</p>
          )}
          {intent.service.description && <p className="sub">{intent.service.description}</p>}
        </ConfirmDialog>
      )}
    </Screen>
  );
}
