import { useEffect, useRef } from 'react';
import { toMinorUnits } from '../../../../shared/money.js';
import { call, newIdempotencyKey } from '../../app/api.js';
import { useSignedIn, type Me, type Service } from '../../app/cabinet-state.js';
import { ChangeButton, ChangeDialog, useConfirmedChange } from '../../app/confirmed-change.js';
import { FromProvider, Notice, Screen } from '../../app/ui.js';
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

async function connectOrDisconnect(intent: Intent): Promise<Service> {
  const variables = { serviceId: intent.service.id, idempotencyKey: intent.idempotencyKey };
  if (intent.connect) return (await call(ConnectServiceMutation, variables)).connectService;
  return (await call(DisconnectServiceMutation, variables)).disconnectService;
}

/** "39 ₴ a month" where the dashboard's charges tell the period of a connected service, else the bare price. */
function priceText(t: I18n, me: Me, service: Service): string | null {
  if (!service.price || toMinorUnits(service.price.amount) === 0n) return null;
  const money = t.money(service.price);
  const period = me.spends.find((spend) => spend.name === service.name)?.period;
  if (period === 'MONTH') return t.m.perMonth({ price: money });
  if (period === 'DAY') return t.m.perDay({ price: money });
  return money;
}

function ServiceState({ service }: { service: Service }) {
  const { m } = useI18n();
  if (service.pending) {
    return (
      <>
        <p className="badge" data-tone="warning">{m.pending}</p>
        <p className="hint">{m.pendingHint}</p>
      </>
    );
  }
  return <p className="badge" data-tone={service.connected ? 'good' : 'muted'}>{service.connected ? m.connected : m.notConnected}</p>;
}

export function Services() {
  const t = useI18n();
  const { m } = t;
  const { cabinet, me, canAct, updateService, refresh } = useSignedIn();
  const watched = useRef(new Set<string>());
  const change = useConfirmedChange(async (intent: Intent) => {
    const service = await connectOrDisconnect(intent);
    updateService(service);
    if (service.pending) watched.current.add(service.id);
    return (words: I18n) =>
      service.pending
        ? intent.connect
          ? words.m.connectDone({ name: service.name })
          : words.m.disconnectDone({ name: service.name })
        : words.m.changeApplied({ name: service.name });
  });
  const { intent, done, tell } = change;
  const { serviceConnect, serviceDisconnect } = cabinet.capabilities;
  const anyPending = me.services.some((service) => service.pending);

  useEffect(() => {
    if (!anyPending || !canAct) return;
    const timer = setInterval(() => void refresh(), PENDING_POLL_MS);
    return () => clearInterval(timer);
  }, [anyPending, canAct, refresh]);

  // "Being applied" clears itself: once the billing has applied a change, the notice says so instead.
  useEffect(() => {
    for (const service of me.services) {
      if (watched.current.has(service.id) && !service.pending) {
        watched.current.delete(service.id);
        tell((words: I18n) => words.m.changeApplied({ name: service.name }));
      }
    }
  }, [me.services, tell]);

  const mine = me.services.filter((service) => service.connected || service.pending);
  const available = me.services.filter((service) => !service.connected && !service.pending);
  const intentPrice = intent && priceText(t, me, intent.service);

  const card = (service: Service) => {
    const price = priceText(t, me, service);
    const mayConnect = serviceConnect && !service.connected && service.canConnect && !service.pending;
    const mayDisconnect = serviceDisconnect && service.connected && service.canDisconnect && !service.pending;
    return (
      <li key={service.id} className="card service" data-testid={`service-${service.id}`}>
        <h3>{service.name}</h3>
        <FromProvider text={service.description} />
        <p>{price ? m.price({ price }) : m.free}</p>
        <ServiceState service={service} />
        {service.connected && !service.canDisconnect && !service.pending && <p className="hint">{m.onlyProviderDisconnects}</p>}
        {(mayConnect || mayDisconnect) && (
          <ChangeButton stepUp={change.stepUp} primary={mayConnect} onClick={() => change.ask({ service, connect: mayConnect, idempotencyKey: newIdempotencyKey() })}>
            {mayConnect ? m.connect : m.disconnect}
            <span className="visually-hidden"> {service.name}</span>
          </ChangeButton>
        )}
      </li>
    );
  };

  return (
    <Screen title={m.servicesTitle}>
      {done && <Notice tone="success">{done(t)}</Notice>}
      {me.services.length === 0 && <p>{m.noServices}</p>}
      {mine.length > 0 && (
        <section aria-labelledby="my-services">
          <h2 id="my-services">{m.myServices}</h2>
          <ul className="list">{mine.map(card)}</ul>
        </section>
      )}
      {available.length > 0 && (
        <section aria-labelledby="available-services">
          <h2 id="available-services">{m.availableServices}</h2>
          <ul className="list">{available.map(card)}</ul>
        </section>
      )}
      {intent && (
        <ChangeDialog
          change={change}
          title={intent.connect ? m.connectConfirmTitle({ name: intent.service.name }) : m.disconnectConfirmTitle({ name: intent.service.name })}
          confirmLabel={intent.connect ? m.confirmConnect : m.confirmDisconnect}
        >
          {intent.connect ? (
            <>
              <p>{intentPrice ? m.connectCost({ price: intentPrice }) : m.connectFree}</p>
              <p>{m.connectWhen}</p>
            </>
          ) : (
            <p>{m.disconnectWhen}</p>
          )}
          <FromProvider text={intent.service.description} />
        </ChangeDialog>
      )}
    </Screen>
  );
}
