import { useState, type ReactNode } from 'react';
import { call } from '../../app/api.js';
import { ReadProgress, useScreenRead } from '../../app/screen-read.js';
import { Screen } from '../../app/ui.js';
import { useI18n } from '../../i18n/index.js';
import { compileLanguages } from '../../i18n/messages.js';
import type { ConnectionTexts } from '../../i18n/messages.generated.js';
import { formatBytes, formatPercent, formatPlainNumber } from './format.js';
import { ConnectionQuery } from './documents.js';
import textsJson from './texts.json' with { type: 'json' };

/** The connection screen's words (and its name for More), loaded on demand rather than with the first screen. */
const connectionTexts = compileLanguages<ConnectionTexts>(textsJson);

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A value the subscriber types elsewhere (a terminal, a call to support), with a button that copies it. */
function Copyable({ label, value, texts, onCopied }: { label: string; value: string; texts: ConnectionTexts; onCopied(message: string): void }) {
  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => onCopied(texts.copied({ what: label })),
      () => onCopied(texts.copyFailed),
    );
  return (
    <Fact label={label}>
      <span className="figure">{value}</span>{' '}
      <button type="button" className="button" aria-label={texts.copyLabel({ what: label.toLowerCase() })} onClick={() => void copy()}>
        {texts.copy}
      </button>
    </Fact>
  );
}

/** "My connection": what the billing knows about the line, the contract and the tariff; only what it tells. */
export function Connection() {
  const t = useI18n();
  const texts = connectionTexts[t.language];
  const [copyMessage, setCopyMessage] = useState('');
  const { data: connection, failure, reload } = useScreenRead(() => call(ConnectionQuery));

  if (!connection) {
    return (
      <Screen title={texts.title}>
        <ReadProgress failure={failure} onRetry={reload} />
      </Screen>
    );
  }

  const { me, cabinet } = connection;
  const { tariff, trafficThisMonth: traffic } = me;
  const line = me.ipAddresses.length > 0 || me.macAddresses.length > 0 || me.online !== null || me.lastSeenOnline !== null;
  const contract = [me.contractNumber, me.contractDate, me.connectedSince, me.discountPercent, me.bonusPoints, me.paymentId].some((value) => value !== null);
  const tariffFacts = tariff !== null && [tariff.speedIn, tariff.speedOut, tariff.includedTrafficMb].some((value) => value !== null);
  const onlineText = me.online ? texts.onlineNow : me.lastSeenOnline !== null ? texts.lastSeen({ when: t.recentTime(me.lastSeenOnline) }) : me.online === false ? texts.offline : null;

  return (
    <Screen title={texts.title}>
      {line && (
        <dl className="card facts" data-testid="line">
          {onlineText && <Fact label={texts.state}>{onlineText}</Fact>}
          {me.ipAddresses.map((ip) => (
            <Fact key={ip} label={texts.ipAddresses}>
              <span className="figure">{ip}</span>
            </Fact>
          ))}
          {me.macAddresses.map((mac) => (
            <Fact key={mac} label={texts.macAddresses}>
              <span className="figure">{mac}</span>
            </Fact>
          ))}
        </dl>
      )}

      <section className="card" aria-labelledby="traffic-title" data-testid="traffic">
        <h2 id="traffic-title">{texts.trafficTitle}</h2>
        {traffic ? (
          <dl className="facts">
            <Fact label={texts.downloaded}>{formatBytes(t.locale, traffic.downloadBytes)}</Fact>
            <Fact label={texts.uploaded}>{formatBytes(t.locale, traffic.uploadBytes)}</Fact>
          </dl>
        ) : (
          <p>{cabinet.capabilities.traffic ? texts.nothingKnown : texts.trafficUnavailable}</p>
        )}
      </section>

      {contract && (
        <section className="card" aria-labelledby="contract-title" data-testid="contract">
          <h2 id="contract-title">{texts.contractTitle}</h2>
          <dl className="facts">
            {me.contractNumber !== null && <Copyable label={texts.contractNumber} value={me.contractNumber} texts={texts} onCopied={setCopyMessage} />}
            {me.contractDate !== null && <Fact label={texts.contractDate}>{t.date(me.contractDate)}</Fact>}
            {me.connectedSince !== null && <Fact label={texts.connectedSince}>{t.date(me.connectedSince)}</Fact>}
            {me.discountPercent !== null && <Fact label={texts.discount}>{formatPercent(t.locale, me.discountPercent)}</Fact>}
            {me.bonusPoints !== null && <Fact label={texts.bonusPoints}>{formatPlainNumber(t.locale, me.bonusPoints)}</Fact>}
            {me.paymentId !== null && <Copyable label={texts.paymentId} value={me.paymentId} texts={texts} onCopied={setCopyMessage} />}
          </dl>
          {me.paymentId !== null && <p className="hint">{texts.paymentIdHint}</p>}
          <p role="status" className="hint" data-testid="copy-status">
            {copyMessage}
          </p>
        </section>
      )}

      {tariff && tariffFacts && (
        <section className="card" aria-labelledby="tariff-title" data-testid="tariff">
          <h2 id="tariff-title">
            {texts.tariffTitle}: {tariff.name}
          </h2>
          <dl className="facts">
            {tariff.speedIn !== null && <Fact label={texts.speedIn}>{t.speed(tariff.speedIn)}</Fact>}
            {tariff.speedOut !== null && <Fact label={texts.speedOut}>{t.speed(tariff.speedOut)}</Fact>}
            {tariff.includedTrafficMb !== null && <Fact label={texts.includedTraffic}>{formatBytes(t.locale, String(tariff.includedTrafficMb * 1_000_000))}</Fact>}
          </dl>
        </section>
      )}
    </Screen>
  );
}
