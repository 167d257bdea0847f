import { compareDecimals, money } from '../../../shared/money.js';
import type { TariffOption } from '../../domain/types.js';
import { tariffPeriod } from './mapper.js';
import type { ChargeLine } from './replies.js';

/** userstats.ini's tariff changer settings, as the ISP gives them to the cabinet. */
export interface TariffChangeRules {
  /** TC_PRICEUP, TC_PRICEDOWN, TC_PRICESIMILAR: the fee for a change to a dearer, a cheaper, an equally priced tariff. */
  fees: { up: string; down: string; same: string };
  /** TC_RIGHTNOW: the tariff changes at once instead of from the first day of the next month. */
  rightNow: boolean;
}

/**
 * The tariff changer's choice: the tariffs `tarifftoswitchallowed` lists but the current one (the
 * form leaves it out), each with its fee and period from the price list (`activetariffsvservices`),
 * and the change fee the form would charge, chosen as it does by comparing the fees. A tariff the
 * price list does not have (archived) is not offered: its fee would be unknown.
 */
export function mapTariffOptions(input: {
  allowed: readonly string[];
  priceList: readonly ChargeLine[];
  currentTariff: string | null;
  rules: TariffChangeRules;
  from: string;
  currency: string;
}): TariffOption[] {
  const tariffs = new Map(input.priceList.filter((line) => line.kind === 'tariff').map((line) => [line.name, line]));
  const currentFee = input.currentTariff === null ? null : (tariffs.get(input.currentTariff)?.price ?? null);
  return [...new Set(input.allowed)].flatMap((name): TariffOption[] => {
    const line = tariffs.get(name);
    if (name === input.currentTariff || !line || line.price === null) return [];
    return [
      {
        id: name,
        name,
        fee: money(line.price, input.currency),
        period: tariffPeriod(line.period),
        speedIn: null,
        speedOut: null,
        changeFee: money(changeFee(line.price, currentFee, input.rules), input.currency),
        from: input.from,
      },
    ];
  });
}

/** PHP compares the fees as numbers; an unknown current fee counts as 0, as PHP's null does. */
function changeFee(targetFee: string, currentFee: string | null, rules: TariffChangeRules): string {
  const comparison = compareDecimals(targetFee, currentFee ?? '0');
  return comparison > 0 ? rules.fees.up : comparison < 0 ? rules.fees.down : rules.fees.same;
}
