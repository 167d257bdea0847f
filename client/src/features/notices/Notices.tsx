import { asApiError, call, type ApiError } from '../../app/api.js';
import { ReadList, useScreenRead } from '../../app/screen-read.js';
import { useSignedIn } from '../../app/cabinet-state.js';
import { errorText } from '../../app/error-text.js';
import { Link } from '../../app/router.js';
import { Notice, Screen } from '../../app/ui.js';
import type { AnnouncementsQuery as AnnouncementsResult } from '../../gql/graphql.js';
import { useI18n } from '../../i18n/index.js';
import { AnnouncementsQuery, MarkAnnouncementsReadMutation } from './documents.js';

type Announcement = NonNullable<AnnouncementsResult['me']>['announcements'][number];

/** The notices, or none while they load; a failure leaves them unread and says why. */
function useAnnouncements(): { announcements: Announcement[] | undefined; failure: ApiError | null; reload(): void; markRead: () => Promise<void> } {
  const { data, failure, reload, update, fail } = useScreenRead(() => call(AnnouncementsQuery));
  const markRead = async () => {
    try {
      await call(MarkAnnouncementsReadMutation);
      update((shown) => ({ ...shown, me: { ...shown.me, announcements: shown.me.announcements.map((announcement) => ({ ...announcement, read: true })) } }));
    } catch (error) {
      fail(asApiError(error));
    }
  };
  return { announcements: data?.me.announcements, failure, reload, markRead };
}

function AnnouncementText({ announcement, heading: Heading }: { announcement: Announcement; heading: 'h2' | 'h3' }) {
  const t = useI18n();
  return (
    <>
      <Heading>{announcement.title}</Heading>
      {announcement.at && <p className="sub">{t.instantDate(announcement.at)}</p>}
      {/* Text, never HTML: the server reduced any markup to text and React escapes the rest. */}
      <p className="message-text">{announcement.text}</p>
    </>
  );
}

function MarkReadButton({ markRead }: { markRead(): Promise<void> }) {
  const { m } = useI18n();
  const { canAct } = useSignedIn();
  return (
    <button type="button" className="button" disabled={!canAct} onClick={() => void markRead()}>
      {m.noticesMarkRead}
    </button>
  );
}

/** Unread notices on the dashboard; nothing at all when there are none, or when they cannot be read now. */
export function NoticesBanner() {
  const { m } = useI18n();
  const { announcements, markRead } = useAnnouncements();
  const unread = announcements?.filter((announcement) => !announcement.read) ?? [];
  if (unread.length === 0) return null;
  return (
    <section className="card notices-banner" aria-labelledby="notices-banner-title" data-testid="notices-banner">
      <h2 id="notices-banner-title">{m.noticesTitle}</h2>
      <ul className="list">
        {unread.slice(0, 2).map((announcement) => (
          <li key={announcement.id}>
            <AnnouncementText announcement={announcement} heading="h3" />
          </li>
        ))}
      </ul>
      <p className="actions">
        <Link to="/notices">{m.noticesAll}</Link>
        <MarkReadButton markRead={markRead} />
      </p>
    </section>
  );
}

export function Notices() {
  const t = useI18n();
  const { m } = t;
  const { announcements, failure, reload, markRead } = useAnnouncements();
  return (
    <Screen title={m.noticesTitle}>
      {/* Marking them read failed: the notices stay, with why. */}
      {announcements && failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
      <ReadList items={announcements} failure={failure} onRetry={reload} empty={m.noticesEmpty}>
        {(items) => (
          <>
            {items.some((announcement) => !announcement.read) && <MarkReadButton markRead={markRead} />}
            <ul className="list" data-testid="notices">
              {items.map((announcement) => (
                <li key={announcement.id} className="card">
                  {!announcement.read && <p className="badge">{m.noticeNew}</p>}
                  <AnnouncementText announcement={announcement} heading="h2" />
                </li>
              ))}
            </ul>
          </>
        )}
      </ReadList>
    </Screen>
  );
}
