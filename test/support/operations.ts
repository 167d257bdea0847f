import { readFileSync } from 'node:fs';
import { projectPath } from '../../server/paths.js';

/** The PWA's own operations as production accepts them: each persisted document's id (its sha256) and text. */
export function pwaDocuments(): { id: string; text: string }[] {
  const manifest = JSON.parse(readFileSync(projectPath('client', 'src', 'gql', 'persisted-documents.json'), 'utf8')) as Record<string, string>;
  return Object.entries(manifest).map(([id, text]) => ({ id, text }));
}

/** The text of the PWA's query or mutation `name`, for a test that sends what the PWA sends. */
export function pwaOperation(name: string): string {
  const found = pwaDocuments().find(({ text }) => new RegExp(`\\b(?:query|mutation) ${name}\\b`).test(text));
  if (!found) throw new Error(`the PWA has no operation ${name}`);
  return found.text;
}

/** The GraphQL documents the integration tests send, named like the PWA's. */
export const DASHBOARD = /* GraphQL */ `
  query Dashboard {
    me {
      login
      fullName
      contractNumber
      ipAddresses
      balance { amount currency }
      status
      tariff { name fee { amount } }
      daysLeft
      paidUntil
      amountToPay { amount }
      spends { name price { amount currency } period }
      services { id name price { amount } connected canConnect canDisconnect pending }
      promisePay { active { amount { amount } until } offers { id amount { amount } days fee { amount } description } }
    }
  }
`;

export const LOGIN = /* GraphQL */ `
  mutation Login($login: String!, $password: String!) {
    login(login: $login, password: $password) { subscriber { login balance { amount } status } }
  }
`;

export const AUTO_LOGIN = /* GraphQL */ `
  mutation AutoLogin { autoLogin { subscriber { login } } }
`;

export const LOGOUT = /* GraphQL */ `
  mutation Logout { logout }
`;

export const TAKE_PROMISE_PAY = /* GraphQL */ `
  mutation TakePromisePay($offerId: ID!, $key: String) {
    takePromisePay(offerId: $offerId, idempotencyKey: $key) {
      balance { amount }
      status
      promisePay { active { amount { amount } until } }
    }
  }
`;

export const CONNECT_SERVICE = /* GraphQL */ `
  mutation ConnectService($id: ID!, $key: String) {
    connectService(serviceId: $id, idempotencyKey: $key) { id connected pending canConnect canDisconnect }
  }
`;

export const DISCONNECT_SERVICE = /* GraphQL */ `
  mutation DisconnectService($id: ID!, $key: String) {
    disconnectService(serviceId: $id, idempotencyKey: $key) { id connected pending }
  }
`;

export const REQUEST_RESET = /* GraphQL */ `
  mutation RequestReset($login: String!) { requestPasswordReset(login: $login) { ticket channel } }
`;

export const CONFIRM_RESET = /* GraphQL */ `
  mutation ConfirmReset($ticket: ID!, $code: String!, $password: String!) {
    confirmPasswordReset(ticket: $ticket, code: $code, newPassword: $password)
  }
`;

export const CABINET = /* GraphQL */ `
  query Cabinet {
    cabinet {
      billingKind currency name shortName themeColor demo
      capabilities { passwordLogin autoLogin promisePay services serviceConnect serviceDisconnect passwordReset pushToken payments }
    }
  }
`;

export const CONNECTION = /* GraphQL */ `
  query Connection {
    cabinet { capabilities { charges invoices traffic } }
    me {
      ipAddresses
      macAddresses
      contractNumber
      contractDate
      connectedSince
      lastSeenOnline
      online
      trafficThisMonth { downloadBytes uploadBytes }
      discountPercent
      legalEntity
      bonusPoints
      paymentId
      creditUntil
      nextTariffFrom
      tariff { name includedTrafficMb }
    }
  }
`;

export const HISTORY = /* GraphQL */ `
  query History($months: Int) {
    me {
      charges { date amount { amount currency } name kind note }
      monthlySpend(months: $months) { month total { amount currency } items { name kind amount { amount } } }
      payments { date amount { amount } }
    }
  }
`;
