import { money } from '../../shared/money.js';
import type { Service } from '../domain/types.js';

/**
 * A service of the catalogue both Carbon lines keep, under the legacy api.php's column names
 * (CLN_USLUGA_LIST); Carbon 5's get_usluga_list calls the id `pk` and the comment `comments`.
 */
export interface CarbonUsluga {
  id: string;
  name: string;
  comment: string | null;
  /** Monthly price, a decimal string; null when the billing keeps none. */
  summa: string | null;
  /** WEB_ALLOW_DISABLE: null when the billing left it out, which Carbon reads as no. */
  web_allow_disable: boolean | null;
}

/** A catalogue service as the cabinet shows it. Carbon writes a binding at once: nothing waits in a queue. */
export function mapCarbonService(usluga: CarbonUsluga, connected: boolean, currency: string): Service {
  return {
    id: usluga.id,
    name: usluga.name,
    description: usluga.comment,
    price: usluga.summa === null ? null : money(usluga.summa, currency),
    connected,
    canConnect: !connected,
    canDisconnect: connected && usluga.web_allow_disable === true,
    pending: false,
  };
}
