/**
 * A service of the catalogue as both Carbon lines keep it for the cabinet (Carbon 5's Usluga,
 * the legacy api.php's CLN_USLUGA_LIST): the simulators' demo and test seeds are built from these.
 */
export interface CarbonServiceSeed {
  id: number;
  name: string;
  description: string;
  /** Monthly price, a decimal string. */
  price: string;
  /** is_show_web (IS_SHOW_WEB in api.php): the cabinet lists it. */
  showInCabinet: boolean;
  /** web_allow_disable (WEB_ALLOW_DISABLE): the subscriber may disconnect it in the cabinet. */
  subscriberMayDisable: boolean;
}

/** Adds a service to a seed's catalogue, or replaces the one with its id. */
export function putService(catalogue: CarbonServiceSeed[], service: CarbonServiceSeed): void {
  const index = catalogue.findIndex((known) => known.id === service.id);
  if (index === -1) catalogue.push(service);
  else catalogue[index] = service;
}
