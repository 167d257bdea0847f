/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) {\n      subscriber {\n        ...DashboardFields\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation AutoLogin {\n    autoLogin {\n      subscriber {\n        ...DashboardFields\n      }\n    }\n  }\n": typeof types.AutoLoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  fragment MoneyFields on Money {\n    amount\n    currency\n  }\n": typeof types.MoneyFieldsFragmentDoc,
    "\n  fragment CabinetFields on Cabinet {\n    billingKind\n    capabilities {\n      passwordLogin\n      autoLogin\n      promisePay\n      services\n      serviceConnect\n      serviceDisconnect\n      passwordReset\n      payments\n    }\n    currency\n    name\n    shortName\n    themeColor\n    vapidPublicKey\n    demo\n    support {\n      name\n      phone\n      email\n      address\n      website\n    }\n  }\n": typeof types.CabinetFieldsFragmentDoc,
    "\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    price {\n      ...MoneyFields\n    }\n    connected\n    canConnect\n    canDisconnect\n    pending\n  }\n": typeof types.ServiceFieldsFragmentDoc,
    "\n  fragment DashboardFields on Subscriber {\n    login\n    fullName\n    contractNumber\n    accountNumber\n    balance {\n      ...MoneyFields\n    }\n    credit {\n      ...MoneyFields\n    }\n    status\n    tariff {\n      name\n      fee {\n        ...MoneyFields\n      }\n      period\n      speedIn\n      speedOut\n    }\n    nextTariff {\n      name\n    }\n    daysLeft\n    paidUntil\n    amountToPay {\n      ...MoneyFields\n    }\n    spends {\n      name\n      price {\n        ...MoneyFields\n      }\n      period\n    }\n    services {\n      ...ServiceFields\n    }\n    promisePay {\n      active {\n        amount {\n          ...MoneyFields\n        }\n        until\n      }\n      offers {\n        id\n        amount {\n          ...MoneyFields\n        }\n        days\n        fee {\n          ...MoneyFields\n        }\n        description\n      }\n    }\n  }\n": typeof types.DashboardFieldsFragmentDoc,
    "\n  query Start {\n    cabinet {\n      ...CabinetFields\n    }\n    me {\n      ...DashboardFields\n    }\n  }\n": typeof types.StartDocument,
    "\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login) {\n      ticket\n      channel\n    }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ConfirmPasswordReset($ticket: ID!, $code: String!, $newPassword: String!) {\n    confirmPasswordReset(ticket: $ticket, code: $code, newPassword: $newPassword)\n  }\n": typeof types.ConfirmPasswordResetDocument,
    "\n  query Payments {\n    me {\n      payments {\n        date\n        amount {\n          ...MoneyFields\n        }\n        note\n      }\n    }\n  }\n": typeof types.PaymentsDocument,
    "\n  mutation TakePromisePay($offerId: ID!, $idempotencyKey: String) {\n    takePromisePay(offerId: $offerId, idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n    }\n  }\n": typeof types.TakePromisePayDocument,
    "\n  mutation RegisterPushSubscription($subscription: WebPushSubscriptionInput!, $locale: String) {\n    registerPushSubscription(subscription: $subscription, locale: $locale)\n  }\n": typeof types.RegisterPushSubscriptionDocument,
    "\n  mutation UnregisterPush($endpointOrToken: String!) {\n    unregisterPush(endpointOrToken: $endpointOrToken)\n  }\n": typeof types.UnregisterPushDocument,
    "\n  mutation ConnectService($serviceId: ID!, $idempotencyKey: String) {\n    connectService(serviceId: $serviceId, idempotencyKey: $idempotencyKey) {\n      ...ServiceFields\n    }\n  }\n": typeof types.ConnectServiceDocument,
    "\n  mutation DisconnectService($serviceId: ID!, $idempotencyKey: String) {\n    disconnectService(serviceId: $serviceId, idempotencyKey: $idempotencyKey) {\n      ...ServiceFields\n    }\n  }\n": typeof types.DisconnectServiceDocument,
};
const documents: Documents = {
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) {\n      subscriber {\n        ...DashboardFields\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation AutoLogin {\n    autoLogin {\n      subscriber {\n        ...DashboardFields\n      }\n    }\n  }\n": types.AutoLoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  fragment MoneyFields on Money {\n    amount\n    currency\n  }\n": types.MoneyFieldsFragmentDoc,
    "\n  fragment CabinetFields on Cabinet {\n    billingKind\n    capabilities {\n      passwordLogin\n      autoLogin\n      promisePay\n      services\n      serviceConnect\n      serviceDisconnect\n      passwordReset\n      payments\n    }\n    currency\n    name\n    shortName\n    themeColor\n    vapidPublicKey\n    demo\n    support {\n      name\n      phone\n      email\n      address\n      website\n    }\n  }\n": types.CabinetFieldsFragmentDoc,
    "\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    price {\n      ...MoneyFields\n    }\n    connected\n    canConnect\n    canDisconnect\n    pending\n  }\n": types.ServiceFieldsFragmentDoc,
    "\n  fragment DashboardFields on Subscriber {\n    login\n    fullName\n    contractNumber\n    accountNumber\n    balance {\n      ...MoneyFields\n    }\n    credit {\n      ...MoneyFields\n    }\n    status\n    tariff {\n      name\n      fee {\n        ...MoneyFields\n      }\n      period\n      speedIn\n      speedOut\n    }\n    nextTariff {\n      name\n    }\n    daysLeft\n    paidUntil\n    amountToPay {\n      ...MoneyFields\n    }\n    spends {\n      name\n      price {\n        ...MoneyFields\n      }\n      period\n    }\n    services {\n      ...ServiceFields\n    }\n    promisePay {\n      active {\n        amount {\n          ...MoneyFields\n        }\n        until\n      }\n      offers {\n        id\n        amount {\n          ...MoneyFields\n        }\n        days\n        fee {\n          ...MoneyFields\n        }\n        description\n      }\n    }\n  }\n": types.DashboardFieldsFragmentDoc,
    "\n  query Start {\n    cabinet {\n      ...CabinetFields\n    }\n    me {\n      ...DashboardFields\n    }\n  }\n": types.StartDocument,
    "\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login) {\n      ticket\n      channel\n    }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ConfirmPasswordReset($ticket: ID!, $code: String!, $newPassword: String!) {\n    confirmPasswordReset(ticket: $ticket, code: $code, newPassword: $newPassword)\n  }\n": types.ConfirmPasswordResetDocument,
    "\n  query Payments {\n    me {\n      payments {\n        date\n        amount {\n          ...MoneyFields\n        }\n        note\n      }\n    }\n  }\n": types.PaymentsDocument,
    "\n  mutation TakePromisePay($offerId: ID!, $idempotencyKey: String) {\n    takePromisePay(offerId: $offerId, idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n    }\n  }\n": types.TakePromisePayDocument,
    "\n  mutation RegisterPushSubscription($subscription: WebPushSubscriptionInput!, $locale: String) {\n    registerPushSubscription(subscription: $subscription, locale: $locale)\n  }\n": types.RegisterPushSubscriptionDocument,
    "\n  mutation UnregisterPush($endpointOrToken: String!) {\n    unregisterPush(endpointOrToken: $endpointOrToken)\n  }\n": types.UnregisterPushDocument,
    "\n  mutation ConnectService($serviceId: ID!, $idempotencyKey: String) {\n    connectService(serviceId: $serviceId, idempotencyKey: $idempotencyKey) {\n      ...ServiceFields\n    }\n  }\n": types.ConnectServiceDocument,
    "\n  mutation DisconnectService($serviceId: ID!, $idempotencyKey: String) {\n    disconnectService(serviceId: $serviceId, idempotencyKey: $idempotencyKey) {\n      ...ServiceFields\n    }\n  }\n": types.DisconnectServiceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) {\n      subscriber {\n        ...DashboardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) {\n      subscriber {\n        ...DashboardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AutoLogin {\n    autoLogin {\n      subscriber {\n        ...DashboardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AutoLogin {\n    autoLogin {\n      subscriber {\n        ...DashboardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MoneyFields on Money {\n    amount\n    currency\n  }\n"): (typeof documents)["\n  fragment MoneyFields on Money {\n    amount\n    currency\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CabinetFields on Cabinet {\n    billingKind\n    capabilities {\n      passwordLogin\n      autoLogin\n      promisePay\n      services\n      serviceConnect\n      serviceDisconnect\n      passwordReset\n      payments\n    }\n    currency\n    name\n    shortName\n    themeColor\n    vapidPublicKey\n    demo\n    support {\n      name\n      phone\n      email\n      address\n      website\n    }\n  }\n"): (typeof documents)["\n  fragment CabinetFields on Cabinet {\n    billingKind\n    capabilities {\n      passwordLogin\n      autoLogin\n      promisePay\n      services\n      serviceConnect\n      serviceDisconnect\n      passwordReset\n      payments\n    }\n    currency\n    name\n    shortName\n    themeColor\n    vapidPublicKey\n    demo\n    support {\n      name\n      phone\n      email\n      address\n      website\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    price {\n      ...MoneyFields\n    }\n    connected\n    canConnect\n    canDisconnect\n    pending\n  }\n"): (typeof documents)["\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    price {\n      ...MoneyFields\n    }\n    connected\n    canConnect\n    canDisconnect\n    pending\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardFields on Subscriber {\n    login\n    fullName\n    contractNumber\n    accountNumber\n    balance {\n      ...MoneyFields\n    }\n    credit {\n      ...MoneyFields\n    }\n    status\n    tariff {\n      name\n      fee {\n        ...MoneyFields\n      }\n      period\n      speedIn\n      speedOut\n    }\n    nextTariff {\n      name\n    }\n    daysLeft\n    paidUntil\n    amountToPay {\n      ...MoneyFields\n    }\n    spends {\n      name\n      price {\n        ...MoneyFields\n      }\n      period\n    }\n    services {\n      ...ServiceFields\n    }\n    promisePay {\n      active {\n        amount {\n          ...MoneyFields\n        }\n        until\n      }\n      offers {\n        id\n        amount {\n          ...MoneyFields\n        }\n        days\n        fee {\n          ...MoneyFields\n        }\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardFields on Subscriber {\n    login\n    fullName\n    contractNumber\n    accountNumber\n    balance {\n      ...MoneyFields\n    }\n    credit {\n      ...MoneyFields\n    }\n    status\n    tariff {\n      name\n      fee {\n        ...MoneyFields\n      }\n      period\n      speedIn\n      speedOut\n    }\n    nextTariff {\n      name\n    }\n    daysLeft\n    paidUntil\n    amountToPay {\n      ...MoneyFields\n    }\n    spends {\n      name\n      price {\n        ...MoneyFields\n      }\n      period\n    }\n    services {\n      ...ServiceFields\n    }\n    promisePay {\n      active {\n        amount {\n          ...MoneyFields\n        }\n        until\n      }\n      offers {\n        id\n        amount {\n          ...MoneyFields\n        }\n        days\n        fee {\n          ...MoneyFields\n        }\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Start {\n    cabinet {\n      ...CabinetFields\n    }\n    me {\n      ...DashboardFields\n    }\n  }\n"): (typeof documents)["\n  query Start {\n    cabinet {\n      ...CabinetFields\n    }\n    me {\n      ...DashboardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login) {\n      ticket\n      channel\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login) {\n      ticket\n      channel\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmPasswordReset($ticket: ID!, $code: String!, $newPassword: String!) {\n    confirmPasswordReset(ticket: $ticket, code: $code, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ConfirmPasswordReset($ticket: ID!, $code: String!, $newPassword: String!) {\n    confirmPasswordReset(ticket: $ticket, code: $code, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Payments {\n    me {\n      payments {\n        date\n        amount {\n          ...MoneyFields\n        }\n        note\n      }\n    }\n  }\n"): (typeof documents)["\n  query Payments {\n    me {\n      payments {\n        date\n        amount {\n          ...MoneyFields\n        }\n        note\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TakePromisePay($offerId: ID!, $idempotencyKey: String) {\n    takePromisePay(offerId: $offerId, idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n    }\n  }\n"): (typeof documents)["\n  mutation TakePromisePay($offerId: ID!, $idempotencyKey: String) {\n    takePromisePay(offerId: $offerId, idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterPushSubscription($subscription: WebPushSubscriptionInput!, $locale: String) {\n    registerPushSubscription(subscription: $subscription, locale: $locale)\n  }\n"): (typeof documents)["\n  mutation RegisterPushSubscription($subscription: WebPushSubscriptionInput!, $locale: String) {\n    registerPushSubscription(subscription: $subscription, locale: $locale)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnregisterPush($endpointOrToken: String!) {\n    unregisterPush(endpointOrToken: $endpointOrToken)\n  }\n"): (typeof documents)["\n  mutation UnregisterPush($endpointOrToken: String!) {\n    unregisterPush(endpointOrToken: $endpointOrToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectService($serviceId: ID!, $idempotencyKey: String) {\n    connectService(serviceId: $serviceId, idempotencyKey: $idempotencyKey) {\n      ...ServiceFields\n    }\n  }\n"): (typeof documents)["\n  mutation ConnectService($serviceId: ID!, $idempotencyKey: String) {\n    connectService(serviceId: $serviceId, idempotencyKey: $idempotencyKey) {\n      ...ServiceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisconnectService($serviceId: ID!, $idempotencyKey: String) {\n    disconnectService(serviceId: $serviceId, idempotencyKey: $idempotencyKey) {\n      ...ServiceFields\n    }\n  }\n"): (typeof documents)["\n  mutation DisconnectService($serviceId: ID!, $idempotencyKey: String) {\n    disconnectService(serviceId: $serviceId, idempotencyKey: $idempotencyKey) {\n      ...ServiceFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;