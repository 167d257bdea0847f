import { graphqlNameOf } from '../../billing/registry.js';
import { shortNameOf } from '../../pwa/manifest.js';
import type { Resolvers, SupportContacts } from '../resolvers-types.generated.js';

export const cabinetResolvers: Resolvers = {
  Query: {
    cabinet: (_parent, _args, { config, gateway, demo, vapidPublicKey }) => ({
      billingKind: graphqlNameOf(gateway.kind),
      // The cabinet keeps the ISP's own notices whatever the billing has.
      capabilities: { ...gateway.capabilities, announcements: true },
      currency: gateway.currency,
      name: config.CABINET_NAME,
      shortName: shortNameOf(config),
      themeColor: config.CABINET_THEME_COLOR,
      supportPhone: config.CABINET_SUPPORT_PHONE ?? null,
      supportEmail: config.CABINET_SUPPORT_EMAIL ?? null,
      vapidPublicKey,
      demo,
    }),
  },
  Cabinet: {
    /** The ISP's configured contacts win; the billing's own fill the gaps. A billing that is down leaves only the configured ones. */
    async support(_parent, _args, context) {
      const { config, gateway, logger } = context;
      const fromBilling = await gateway.getSupportContacts(context.session ? context.reads().session : undefined).catch((error: unknown) => {
        logger.warn({ err: error }, 'support contacts unavailable from the billing');
        return null;
      });
      const contacts: SupportContacts = {
        name: fromBilling?.name ?? config.CABINET_NAME,
        phone: config.CABINET_SUPPORT_PHONE ?? fromBilling?.phone ?? null,
        email: config.CABINET_SUPPORT_EMAIL ?? fromBilling?.email ?? null,
        address: fromBilling?.address ?? null,
        website: fromBilling?.website ?? null,
      };
      return contacts.phone || contacts.email || contacts.address || contacts.website ? contacts : null;
    },
  },
};
