import { useI18n } from '../i18n/index.js';
import type { Cabinet } from './cabinet-state.js';

function webAddress(text: string | null): URL | null {
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** The ISP's contacts, as links a phone can act on. */
export function SupportContacts({ support }: { support: Cabinet['support'] }) {
  const { m } = useI18n();
  if (!support) return null;
  const website = webAddress(support.website);
  return (
    <section className="card" aria-labelledby="support-title">
      <h2 id="support-title">{m.supportTitle}</h2>
      <ul className="contacts">
        {support.name && <li>{support.name}</li>}
        {support.phone && (
          <li>
            <a href={`tel:${support.phone.replace(/[^\d+]/g, '')}`}>{support.phone}</a>
          </li>
        )}
        {support.email && (
          <li>
            <a href={`mailto:${support.email}`}>{support.email}</a>
          </li>
        )}
        {website && (
          <li>
            <a href={website.href} rel="noopener noreferrer" target="_blank">
              {website.host}
            </a>
          </li>
        )}
        {support.address && <li>{support.address}</li>}
      </ul>
    </section>
  );
}
