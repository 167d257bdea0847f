import { cabinetAnnouncements, markCabinetNoticesRead } from '../../notices/announcements.js';
import type { Resolvers } from '../resolvers-types.generated.js';

/**
 * Notices from the ISP: those it published through the cabinet (every billing) first, then the
 * billing's own. The billing's are a courtesy: when it fails to list them, the cabinet's still show
 * and the dashboard around them does not fail.
 */
export const noticesResolvers: Resolvers = {
  Mutation: {
    markAnnouncementsRead: async (_parent, _args, context) => {
      const reads = context.reads();
      await markCabinetNoticesRead(await context.store.notices.current(new Date()), context.store.ephemeral, context.session.identity.accountId);
      if (context.gateway.capabilities.announcements) await context.gateway.markAnnouncementsRead(reads.session);
      return true;
    },
  },
  Subscriber: {
    announcements: async (_parent, _args, context) => {
      const { session } = context.reads();
      const [own, billing] = await Promise.all([
        context.store.notices.current(new Date()).then((notices) => cabinetAnnouncements(notices, context.store.ephemeral, session.identity.accountId)),
        context.gateway.capabilities.announcements
          ? context.gateway.getAnnouncements(session).catch((error: unknown) => {
              context.logger.warn({ err: error }, 'the billing did not list its notices');
              return [];
            })
          : [],
      ]);
      return [...own, ...billing];
    },
  },
};
