import type { BillingKind as DomainBillingKind } from '../../domain/types.js';
import { shortNameOf } from '../../pwa/manifest.js';
import { open } from '../auth-rules.js';
import type { GraphQLContext } from '../context.js';
import type { BillingKind, Cabinet, SupportContacts } from '../resolvers-types.generated.js';

const BILLING_KINDS: Record<DomainBillingKind, BillingKind> = {
  carbon5: 'CARBON5',
  ubilling: 'UBILLING',
  'carbon-legacy': 'CARBON_LEGACY',
};

export const cabinetResolvers = {
  Query: {
    cabinet: open((_parent, _args, { config, gateway, demo, vapidPublicKey }): Omit<Cabinet, 'support'> => ({
      billingKind: BILLING_KINDS[gateway.kind],
      capabilities: gateway.capabilities,
      currency: gateway.currency,
      name: config.CABINET_NAME,
      shortName: shortNameOf(config),
      themeColor: config.CABINET_THEME_COLOR,
      supportPhone: config.CABINET_SUPPORT_PHONE ?? null,
      supportEmail: config.CABINET_SUPPORT_EMAIL ?? null,
      vapidPublicKey,
      demo,
    })),
  },
  Cabinet: {
    /** The ISP's configured contacts win; the billing's own fill the gaps. A billing that is down leaves only the configured ones. */
    async support(_parent: unknown, _args: unknown, { config, gateway, logger }: GraphQLContext): Promise<SupportContacts | null> {
      const fromBilling = await gateway.getSupportContacts().catch((error: unknown) => {
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
