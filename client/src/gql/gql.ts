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
    "\n  mutation ConfirmPassword($password: String!) {\n    confirmPassword(password: $password)\n  }\n": typeof types.ConfirmPasswordDocument,
    "\n  query Connection {\n    cabinet {\n      capabilities {\n        traffic\n      }\n    }\n    me {\n      ipAddresses\n      macAddresses\n      online\n      lastSeenOnline\n      trafficThisMonth {\n        downloadBytes\n        uploadBytes\n      }\n      contractNumber\n      contractDate\n      connectedSince\n      discountPercent\n      bonusPoints\n      paymentId\n      tariff {\n        name\n        speedIn\n        speedOut\n        includedTrafficMb\n      }\n    }\n  }\n": typeof types.ConnectionDocument,
    "\n  fragment MoneyFields on Money {\n    amount\n    currency\n  }\n": typeof types.MoneyFieldsFragmentDoc,
    "\n  fragment CabinetFields on Cabinet {\n    billingKind\n    capabilities {\n      passwordLogin\n      autoLogin\n      promisePay\n      services\n      serviceConnect\n      serviceDisconnect\n      passwordReset\n      payments\n      charges\n      tickets\n      announcements\n      pause\n      tariffChange\n      passwordChange\n      contactsChange\n    }\n    currency\n    name\n    shortName\n    themeColor\n    vapidPublicKey\n    demo\n    support {\n      name\n      phone\n      email\n      address\n      website\n    }\n  }\n": typeof types.CabinetFieldsFragmentDoc,
    "\n  fragment TariffTermsFields on TariffTerms {\n    name\n    fee {\n      ...MoneyFields\n    }\n    period\n    speedIn\n    speedOut\n  }\n": typeof types.TariffTermsFieldsFragmentDoc,
    "\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    price {\n      ...MoneyFields\n    }\n    connected\n    canConnect\n    canDisconnect\n    pending\n  }\n": typeof types.ServiceFieldsFragmentDoc,
    "\n  fragment DashboardFields on Subscriber {\n    login\n    fullName\n    contractNumber\n    accountNumber\n    ipAddresses\n    balance {\n      ...MoneyFields\n    }\n    credit {\n      ...MoneyFields\n    }\n    status\n    tariff {\n      ...TariffTermsFields\n    }\n    nextTariff {\n      name\n      fee {\n        ...MoneyFields\n      }\n      period\n    }\n    nextTariffFrom\n    daysLeft\n    paidUntil\n    amountToPay {\n      ...MoneyFields\n    }\n    recommendedToPay {\n      ...MoneyFields\n    }\n    nextChargeOn\n    pausedUntil\n    spends {\n      name\n      price {\n        ...MoneyFields\n      }\n      period\n    }\n    services {\n      ...ServiceFields\n    }\n    promisePay {\n      active {\n        amount {\n          ...MoneyFields\n        }\n        until\n      }\n      offers {\n        id\n        amount {\n          ...MoneyFields\n        }\n        days\n        fee {\n          ...MoneyFields\n        }\n        description\n      }\n      refusal\n    }\n  }\n": typeof types.DashboardFieldsFragmentDoc,
    "\n  query Start {\n    cabinet {\n      ...CabinetFields\n    }\n    me {\n      ...DashboardFields\n    }\n  }\n": typeof types.StartDocument,
    "\n  query SpendingHistory($from: Date!) {\n    cabinet {\n      capabilities {\n        charges\n        payments\n        invoices\n      }\n    }\n    me {\n      monthlySpend(months: 12) {\n        month\n        total {\n          ...MoneyFields\n        }\n        items {\n          name\n          kind\n          amount {\n            ...MoneyFields\n          }\n        }\n      }\n      charges(from: $from) {\n        date\n        amount {\n          ...MoneyFields\n        }\n        name\n        kind\n        note\n      }\n      payments {\n        date\n        amount {\n          ...MoneyFields\n        }\n        note\n      }\n      invoices {\n        number\n        date\n        periodEnd\n        total {\n          ...MoneyFields\n        }\n        lines {\n          name\n          amount {\n            ...MoneyFields\n          }\n          quantity\n        }\n      }\n    }\n  }\n": typeof types.SpendingHistoryDocument,
    "\n  query Announcements {\n    me {\n      announcements {\n        id\n        title\n        text\n        at\n        read\n      }\n    }\n  }\n": typeof types.AnnouncementsDocument,
    "\n  mutation MarkAnnouncementsRead {\n    markAnnouncementsRead\n  }\n": typeof types.MarkAnnouncementsReadDocument,
    "\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login) {\n      ticket\n      channel\n    }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ConfirmPasswordReset($ticket: ID!, $code: String!, $newPassword: String!) {\n    confirmPasswordReset(ticket: $ticket, code: $code, newPassword: $newPassword)\n  }\n": typeof types.ConfirmPasswordResetDocument,
    "\n  fragment PauseScreenFields on Subscriber {\n    status\n    balance {\n      ...MoneyFields\n    }\n    pause {\n      available\n      active\n      from\n      to\n      activationFee {\n        ...MoneyFields\n      }\n      pricePerMonth {\n        ...MoneyFields\n      }\n      daysAllowed\n      daysUsed\n      rules {\n        refusal\n        earliestStart\n        chooseStart\n        endRequired\n        maxDays\n        canEnd\n      }\n    }\n  }\n": typeof types.PauseScreenFieldsFragmentDoc,
    "\n  query Pause {\n    me {\n      ...PauseScreenFields\n    }\n  }\n": typeof types.PauseDocument,
    "\n  mutation StartPause($from: Date!, $to: Date, $idempotencyKey: String!) {\n    startPause(from: $from, to: $to, idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...PauseScreenFields\n    }\n  }\n": typeof types.StartPauseDocument,
    "\n  mutation EndPause($idempotencyKey: String!) {\n    endPause(idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...PauseScreenFields\n    }\n  }\n": typeof types.EndPauseDocument,
    "\n  query Payments {\n    me {\n      payments {\n        date\n        amount {\n          ...MoneyFields\n        }\n        note\n      }\n    }\n  }\n": typeof types.PaymentsDocument,
    "\n  query Profile {\n    me {\n      phone\n      email\n    }\n  }\n": typeof types.ProfileDocument,
    "\n  mutation ChangePassword($current: String!, $newPassword: String!) {\n    changePassword(current: $current, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation UpdateContacts($phone: String, $email: String) {\n    updateContacts(phone: $phone, email: $email) {\n      phone\n      email\n    }\n  }\n": typeof types.UpdateContactsDocument,
    "\n  mutation TakePromisePay($offerId: ID!, $idempotencyKey: String) {\n    takePromisePay(offerId: $offerId, idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n    }\n  }\n": typeof types.TakePromisePayDocument,
    "\n  mutation RegisterPushSubscription($subscription: WebPushSubscriptionInput!, $locale: String) {\n    registerPushSubscription(subscription: $subscription, locale: $locale)\n  }\n": typeof types.RegisterPushSubscriptionDocument,
    "\n  mutation UnregisterPush($endpointOrToken: String!) {\n    unregisterPush(endpointOrToken: $endpointOrToken)\n  }\n": typeof types.UnregisterPushDocument,
    "\n  mutation ConnectService($serviceId: ID!, $idempotencyKey: String) {\n    connectService(serviceId: $serviceId, idempotencyKey: $idempotencyKey) {\n      ...ServiceFields\n    }\n  }\n": typeof types.ConnectServiceDocument,
    "\n  mutation DisconnectService($serviceId: ID!, $idempotencyKey: String) {\n    disconnectService(serviceId: $serviceId, idempotencyKey: $idempotencyKey) {\n      ...ServiceFields\n    }\n  }\n": typeof types.DisconnectServiceDocument,
    "\n  query Tickets {\n    me {\n      tickets {\n        id\n        subject\n        status\n        createdAt\n      }\n    }\n  }\n": typeof types.TicketsDocument,
    "\n  fragment TicketFields on Ticket {\n    id\n    subject\n    status\n    createdAt\n    messages {\n      from\n      text\n      at\n    }\n  }\n": typeof types.TicketFieldsFragmentDoc,
    "\n  query Ticket($id: ID!) {\n    me {\n      ticket(id: $id) {\n        ...TicketFields\n      }\n    }\n  }\n": typeof types.TicketDocument,
    "\n  mutation CreateTicket($subject: String, $text: String!, $idempotencyKey: String) {\n    createTicket(subject: $subject, text: $text, idempotencyKey: $idempotencyKey) {\n      ...TicketFields\n    }\n  }\n": typeof types.CreateTicketDocument,
    "\n  mutation ReplyToTicket($ticketId: ID!, $text: String!) {\n    replyToTicket(ticketId: $ticketId, text: $text) {\n      ...TicketFields\n    }\n  }\n": typeof types.ReplyToTicketDocument,
    "\n  fragment TariffScreenFields on Subscriber {\n    tariff {\n      name\n      fee {\n        ...MoneyFields\n      }\n      period\n    }\n    nextTariff {\n      name\n    }\n    nextTariffFrom\n    tariffChangeCancellable\n    tariffOptions {\n      id\n      ...TariffTermsFields\n      changeFee {\n        ...MoneyFields\n      }\n      from\n    }\n  }\n": typeof types.TariffScreenFieldsFragmentDoc,
    "\n  query Tariff {\n    me {\n      ...TariffScreenFields\n    }\n  }\n": typeof types.TariffDocument,
    "\n  mutation ChangeTariff($tariffId: ID!, $idempotencyKey: String!) {\n    changeTariff(tariffId: $tariffId, idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...TariffScreenFields\n    }\n  }\n": typeof types.ChangeTariffDocument,
    "\n  mutation CancelTariffChange($idempotencyKey: String!) {\n    cancelTariffChange(idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...TariffScreenFields\n    }\n  }\n": typeof types.CancelTariffChangeDocument,
    "\n  query TopUpMethods($amount: Decimal) {\n    cabinet {\n      paymentMethods {\n        id\n        name\n        kind\n        minAmount {\n          amount\n          currency\n        }\n        maxAmount {\n          amount\n          currency\n        }\n        url(amount: $amount)\n      }\n    }\n  }\n": typeof types.TopUpMethodsDocument,
    "\n  mutation StartTopUp($methodId: ID!, $amount: Decimal!, $idempotencyKey: String!) {\n    startTopUp(methodId: $methodId, amount: $amount, idempotencyKey: $idempotencyKey) {\n      id\n      status\n      checkoutUrl\n    }\n  }\n": typeof types.StartTopUpDocument,
    "\n  query TopUpStatus($id: ID!) {\n    topUp(id: $id) {\n      id\n      status\n      amount {\n        amount\n        currency\n      }\n    }\n    me {\n      balance {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.TopUpStatusDocument,
};
const documents: Documents = {
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) {\n      subscriber {\n        ...DashboardFields\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation AutoLogin {\n    autoLogin {\n      subscriber {\n        ...DashboardFields\n      }\n    }\n  }\n": types.AutoLoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation ConfirmPassword($password: String!) {\n    confirmPassword(password: $password)\n  }\n": types.ConfirmPasswordDocument,
    "\n  query Connection {\n    cabinet {\n      capabilities {\n        traffic\n      }\n    }\n    me {\n      ipAddresses\n      macAddresses\n      online\n      lastSeenOnline\n      trafficThisMonth {\n        downloadBytes\n        uploadBytes\n      }\n      contractNumber\n      contractDate\n      connectedSince\n      discountPercent\n      bonusPoints\n      paymentId\n      tariff {\n        name\n        speedIn\n        speedOut\n        includedTrafficMb\n      }\n    }\n  }\n": types.ConnectionDocument,
    "\n  fragment MoneyFields on Money {\n    amount\n    currency\n  }\n": types.MoneyFieldsFragmentDoc,
    "\n  fragment CabinetFields on Cabinet {\n    billingKind\n    capabilities {\n      passwordLogin\n      autoLogin\n      promisePay\n      services\n      serviceConnect\n      serviceDisconnect\n      passwordReset\n      payments\n      charges\n      tickets\n      announcements\n      pause\n      tariffChange\n      passwordChange\n      contactsChange\n    }\n    currency\n    name\n    shortName\n    themeColor\n    vapidPublicKey\n    demo\n    support {\n      name\n      phone\n      email\n      address\n      website\n    }\n  }\n": types.CabinetFieldsFragmentDoc,
    "\n  fragment TariffTermsFields on TariffTerms {\n    name\n    fee {\n      ...MoneyFields\n    }\n    period\n    speedIn\n    speedOut\n  }\n": types.TariffTermsFieldsFragmentDoc,
    "\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    price {\n      ...MoneyFields\n    }\n    connected\n    canConnect\n    canDisconnect\n    pending\n  }\n": types.ServiceFieldsFragmentDoc,
    "\n  fragment DashboardFields on Subscriber {\n    login\n    fullName\n    contractNumber\n    accountNumber\n    ipAddresses\n    balance {\n      ...MoneyFields\n    }\n    credit {\n      ...MoneyFields\n    }\n    status\n    tariff {\n      ...TariffTermsFields\n    }\n    nextTariff {\n      name\n      fee {\n        ...MoneyFields\n      }\n      period\n    }\n    nextTariffFrom\n    daysLeft\n    paidUntil\n    amountToPay {\n      ...MoneyFields\n    }\n    recommendedToPay {\n      ...MoneyFields\n    }\n    nextChargeOn\n    pausedUntil\n    spends {\n      name\n      price {\n        ...MoneyFields\n      }\n      period\n    }\n    services {\n      ...ServiceFields\n    }\n    promisePay {\n      active {\n        amount {\n          ...MoneyFields\n        }\n        until\n      }\n      offers {\n        id\n        amount {\n          ...MoneyFields\n        }\n        days\n        fee {\n          ...MoneyFields\n        }\n        description\n      }\n      refusal\n    }\n  }\n": types.DashboardFieldsFragmentDoc,
    "\n  query Start {\n    cabinet {\n      ...CabinetFields\n    }\n    me {\n      ...DashboardFields\n    }\n  }\n": types.StartDocument,
    "\n  query SpendingHistory($from: Date!) {\n    cabinet {\n      capabilities {\n        charges\n        payments\n        invoices\n      }\n    }\n    me {\n      monthlySpend(months: 12) {\n        month\n        total {\n          ...MoneyFields\n        }\n        items {\n          name\n          kind\n          amount {\n            ...MoneyFields\n          }\n        }\n      }\n      charges(from: $from) {\n        date\n        amount {\n          ...MoneyFields\n        }\n        name\n        kind\n        note\n      }\n      payments {\n        date\n        amount {\n          ...MoneyFields\n        }\n        note\n      }\n      invoices {\n        number\n        date\n        periodEnd\n        total {\n          ...MoneyFields\n        }\n        lines {\n          name\n          amount {\n            ...MoneyFields\n          }\n          quantity\n        }\n      }\n    }\n  }\n": types.SpendingHistoryDocument,
    "\n  query Announcements {\n    me {\n      announcements {\n        id\n        title\n        text\n        at\n        read\n      }\n    }\n  }\n": types.AnnouncementsDocument,
    "\n  mutation MarkAnnouncementsRead {\n    markAnnouncementsRead\n  }\n": types.MarkAnnouncementsReadDocument,
    "\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login) {\n      ticket\n      channel\n    }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ConfirmPasswordReset($ticket: ID!, $code: String!, $newPassword: String!) {\n    confirmPasswordReset(ticket: $ticket, code: $code, newPassword: $newPassword)\n  }\n": types.ConfirmPasswordResetDocument,
    "\n  fragment PauseScreenFields on Subscriber {\n    status\n    balance {\n      ...MoneyFields\n    }\n    pause {\n      available\n      active\n      from\n      to\n      activationFee {\n        ...MoneyFields\n      }\n      pricePerMonth {\n        ...MoneyFields\n      }\n      daysAllowed\n      daysUsed\n      rules {\n        refusal\n        earliestStart\n        chooseStart\n        endRequired\n        maxDays\n        canEnd\n      }\n    }\n  }\n": types.PauseScreenFieldsFragmentDoc,
    "\n  query Pause {\n    me {\n      ...PauseScreenFields\n    }\n  }\n": types.PauseDocument,
    "\n  mutation StartPause($from: Date!, $to: Date, $idempotencyKey: String!) {\n    startPause(from: $from, to: $to, idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...PauseScreenFields\n    }\n  }\n": types.StartPauseDocument,
    "\n  mutation EndPause($idempotencyKey: String!) {\n    endPause(idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...PauseScreenFields\n    }\n  }\n": types.EndPauseDocument,
    "\n  query Payments {\n    me {\n      payments {\n        date\n        amount {\n          ...MoneyFields\n        }\n        note\n      }\n    }\n  }\n": types.PaymentsDocument,
    "\n  query Profile {\n    me {\n      phone\n      email\n    }\n  }\n": types.ProfileDocument,
    "\n  mutation ChangePassword($current: String!, $newPassword: String!) {\n    changePassword(current: $current, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation UpdateContacts($phone: String, $email: String) {\n    updateContacts(phone: $phone, email: $email) {\n      phone\n      email\n    }\n  }\n": types.UpdateContactsDocument,
    "\n  mutation TakePromisePay($offerId: ID!, $idempotencyKey: String) {\n    takePromisePay(offerId: $offerId, idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n    }\n  }\n": types.TakePromisePayDocument,
    "\n  mutation RegisterPushSubscription($subscription: WebPushSubscriptionInput!, $locale: String) {\n    registerPushSubscription(subscription: $subscription, locale: $locale)\n  }\n": types.RegisterPushSubscriptionDocument,
    "\n  mutation UnregisterPush($endpointOrToken: String!) {\n    unregisterPush(endpointOrToken: $endpointOrToken)\n  }\n": types.UnregisterPushDocument,
    "\n  mutation ConnectService($serviceId: ID!, $idempotencyKey: String) {\n    connectService(serviceId: $serviceId, idempotencyKey: $idempotencyKey) {\n      ...ServiceFields\n    }\n  }\n": types.ConnectServiceDocument,
    "\n  mutation DisconnectService($serviceId: ID!, $idempotencyKey: String) {\n    disconnectService(serviceId: $serviceId, idempotencyKey: $idempotencyKey) {\n      ...ServiceFields\n    }\n  }\n": types.DisconnectServiceDocument,
    "\n  query Tickets {\n    me {\n      tickets {\n        id\n        subject\n        status\n        createdAt\n      }\n    }\n  }\n": types.TicketsDocument,
    "\n  fragment TicketFields on Ticket {\n    id\n    subject\n    status\n    createdAt\n    messages {\n      from\n      text\n      at\n    }\n  }\n": types.TicketFieldsFragmentDoc,
    "\n  query Ticket($id: ID!) {\n    me {\n      ticket(id: $id) {\n        ...TicketFields\n      }\n    }\n  }\n": types.TicketDocument,
    "\n  mutation CreateTicket($subject: String, $text: String!, $idempotencyKey: String) {\n    createTicket(subject: $subject, text: $text, idempotencyKey: $idempotencyKey) {\n      ...TicketFields\n    }\n  }\n": types.CreateTicketDocument,
    "\n  mutation ReplyToTicket($ticketId: ID!, $text: String!) {\n    replyToTicket(ticketId: $ticketId, text: $text) {\n      ...TicketFields\n    }\n  }\n": types.ReplyToTicketDocument,
    "\n  fragment TariffScreenFields on Subscriber {\n    tariff {\n      name\n      fee {\n        ...MoneyFields\n      }\n      period\n    }\n    nextTariff {\n      name\n    }\n    nextTariffFrom\n    tariffChangeCancellable\n    tariffOptions {\n      id\n      ...TariffTermsFields\n      changeFee {\n        ...MoneyFields\n      }\n      from\n    }\n  }\n": types.TariffScreenFieldsFragmentDoc,
    "\n  query Tariff {\n    me {\n      ...TariffScreenFields\n    }\n  }\n": types.TariffDocument,
    "\n  mutation ChangeTariff($tariffId: ID!, $idempotencyKey: String!) {\n    changeTariff(tariffId: $tariffId, idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...TariffScreenFields\n    }\n  }\n": types.ChangeTariffDocument,
    "\n  mutation CancelTariffChange($idempotencyKey: String!) {\n    cancelTariffChange(idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...TariffScreenFields\n    }\n  }\n": types.CancelTariffChangeDocument,
    "\n  query TopUpMethods($amount: Decimal) {\n    cabinet {\n      paymentMethods {\n        id\n        name\n        kind\n        minAmount {\n          amount\n          currency\n        }\n        maxAmount {\n          amount\n          currency\n        }\n        url(amount: $amount)\n      }\n    }\n  }\n": types.TopUpMethodsDocument,
    "\n  mutation StartTopUp($methodId: ID!, $amount: Decimal!, $idempotencyKey: String!) {\n    startTopUp(methodId: $methodId, amount: $amount, idempotencyKey: $idempotencyKey) {\n      id\n      status\n      checkoutUrl\n    }\n  }\n": types.StartTopUpDocument,
    "\n  query TopUpStatus($id: ID!) {\n    topUp(id: $id) {\n      id\n      status\n      amount {\n        amount\n        currency\n      }\n    }\n    me {\n      balance {\n        amount\n        currency\n      }\n    }\n  }\n": types.TopUpStatusDocument,
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
export function graphql(source: "\n  mutation ConfirmPassword($password: String!) {\n    confirmPassword(password: $password)\n  }\n"): (typeof documents)["\n  mutation ConfirmPassword($password: String!) {\n    confirmPassword(password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Connection {\n    cabinet {\n      capabilities {\n        traffic\n      }\n    }\n    me {\n      ipAddresses\n      macAddresses\n      online\n      lastSeenOnline\n      trafficThisMonth {\n        downloadBytes\n        uploadBytes\n      }\n      contractNumber\n      contractDate\n      connectedSince\n      discountPercent\n      bonusPoints\n      paymentId\n      tariff {\n        name\n        speedIn\n        speedOut\n        includedTrafficMb\n      }\n    }\n  }\n"): (typeof documents)["\n  query Connection {\n    cabinet {\n      capabilities {\n        traffic\n      }\n    }\n    me {\n      ipAddresses\n      macAddresses\n      online\n      lastSeenOnline\n      trafficThisMonth {\n        downloadBytes\n        uploadBytes\n      }\n      contractNumber\n      contractDate\n      connectedSince\n      discountPercent\n      bonusPoints\n      paymentId\n      tariff {\n        name\n        speedIn\n        speedOut\n        includedTrafficMb\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MoneyFields on Money {\n    amount\n    currency\n  }\n"): (typeof documents)["\n  fragment MoneyFields on Money {\n    amount\n    currency\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CabinetFields on Cabinet {\n    billingKind\n    capabilities {\n      passwordLogin\n      autoLogin\n      promisePay\n      services\n      serviceConnect\n      serviceDisconnect\n      passwordReset\n      payments\n      charges\n      tickets\n      announcements\n      pause\n      tariffChange\n      passwordChange\n      contactsChange\n    }\n    currency\n    name\n    shortName\n    themeColor\n    vapidPublicKey\n    demo\n    support {\n      name\n      phone\n      email\n      address\n      website\n    }\n  }\n"): (typeof documents)["\n  fragment CabinetFields on Cabinet {\n    billingKind\n    capabilities {\n      passwordLogin\n      autoLogin\n      promisePay\n      services\n      serviceConnect\n      serviceDisconnect\n      passwordReset\n      payments\n      charges\n      tickets\n      announcements\n      pause\n      tariffChange\n      passwordChange\n      contactsChange\n    }\n    currency\n    name\n    shortName\n    themeColor\n    vapidPublicKey\n    demo\n    support {\n      name\n      phone\n      email\n      address\n      website\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TariffTermsFields on TariffTerms {\n    name\n    fee {\n      ...MoneyFields\n    }\n    period\n    speedIn\n    speedOut\n  }\n"): (typeof documents)["\n  fragment TariffTermsFields on TariffTerms {\n    name\n    fee {\n      ...MoneyFields\n    }\n    period\n    speedIn\n    speedOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    price {\n      ...MoneyFields\n    }\n    connected\n    canConnect\n    canDisconnect\n    pending\n  }\n"): (typeof documents)["\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    price {\n      ...MoneyFields\n    }\n    connected\n    canConnect\n    canDisconnect\n    pending\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardFields on Subscriber {\n    login\n    fullName\n    contractNumber\n    accountNumber\n    ipAddresses\n    balance {\n      ...MoneyFields\n    }\n    credit {\n      ...MoneyFields\n    }\n    status\n    tariff {\n      ...TariffTermsFields\n    }\n    nextTariff {\n      name\n      fee {\n        ...MoneyFields\n      }\n      period\n    }\n    nextTariffFrom\n    daysLeft\n    paidUntil\n    amountToPay {\n      ...MoneyFields\n    }\n    recommendedToPay {\n      ...MoneyFields\n    }\n    nextChargeOn\n    pausedUntil\n    spends {\n      name\n      price {\n        ...MoneyFields\n      }\n      period\n    }\n    services {\n      ...ServiceFields\n    }\n    promisePay {\n      active {\n        amount {\n          ...MoneyFields\n        }\n        until\n      }\n      offers {\n        id\n        amount {\n          ...MoneyFields\n        }\n        days\n        fee {\n          ...MoneyFields\n        }\n        description\n      }\n      refusal\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardFields on Subscriber {\n    login\n    fullName\n    contractNumber\n    accountNumber\n    ipAddresses\n    balance {\n      ...MoneyFields\n    }\n    credit {\n      ...MoneyFields\n    }\n    status\n    tariff {\n      ...TariffTermsFields\n    }\n    nextTariff {\n      name\n      fee {\n        ...MoneyFields\n      }\n      period\n    }\n    nextTariffFrom\n    daysLeft\n    paidUntil\n    amountToPay {\n      ...MoneyFields\n    }\n    recommendedToPay {\n      ...MoneyFields\n    }\n    nextChargeOn\n    pausedUntil\n    spends {\n      name\n      price {\n        ...MoneyFields\n      }\n      period\n    }\n    services {\n      ...ServiceFields\n    }\n    promisePay {\n      active {\n        amount {\n          ...MoneyFields\n        }\n        until\n      }\n      offers {\n        id\n        amount {\n          ...MoneyFields\n        }\n        days\n        fee {\n          ...MoneyFields\n        }\n        description\n      }\n      refusal\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Start {\n    cabinet {\n      ...CabinetFields\n    }\n    me {\n      ...DashboardFields\n    }\n  }\n"): (typeof documents)["\n  query Start {\n    cabinet {\n      ...CabinetFields\n    }\n    me {\n      ...DashboardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpendingHistory($from: Date!) {\n    cabinet {\n      capabilities {\n        charges\n        payments\n        invoices\n      }\n    }\n    me {\n      monthlySpend(months: 12) {\n        month\n        total {\n          ...MoneyFields\n        }\n        items {\n          name\n          kind\n          amount {\n            ...MoneyFields\n          }\n        }\n      }\n      charges(from: $from) {\n        date\n        amount {\n          ...MoneyFields\n        }\n        name\n        kind\n        note\n      }\n      payments {\n        date\n        amount {\n          ...MoneyFields\n        }\n        note\n      }\n      invoices {\n        number\n        date\n        periodEnd\n        total {\n          ...MoneyFields\n        }\n        lines {\n          name\n          amount {\n            ...MoneyFields\n          }\n          quantity\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SpendingHistory($from: Date!) {\n    cabinet {\n      capabilities {\n        charges\n        payments\n        invoices\n      }\n    }\n    me {\n      monthlySpend(months: 12) {\n        month\n        total {\n          ...MoneyFields\n        }\n        items {\n          name\n          kind\n          amount {\n            ...MoneyFields\n          }\n        }\n      }\n      charges(from: $from) {\n        date\n        amount {\n          ...MoneyFields\n        }\n        name\n        kind\n        note\n      }\n      payments {\n        date\n        amount {\n          ...MoneyFields\n        }\n        note\n      }\n      invoices {\n        number\n        date\n        periodEnd\n        total {\n          ...MoneyFields\n        }\n        lines {\n          name\n          amount {\n            ...MoneyFields\n          }\n          quantity\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Announcements {\n    me {\n      announcements {\n        id\n        title\n        text\n        at\n        read\n      }\n    }\n  }\n"): (typeof documents)["\n  query Announcements {\n    me {\n      announcements {\n        id\n        title\n        text\n        at\n        read\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAnnouncementsRead {\n    markAnnouncementsRead\n  }\n"): (typeof documents)["\n  mutation MarkAnnouncementsRead {\n    markAnnouncementsRead\n  }\n"];
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
export function graphql(source: "\n  fragment PauseScreenFields on Subscriber {\n    status\n    balance {\n      ...MoneyFields\n    }\n    pause {\n      available\n      active\n      from\n      to\n      activationFee {\n        ...MoneyFields\n      }\n      pricePerMonth {\n        ...MoneyFields\n      }\n      daysAllowed\n      daysUsed\n      rules {\n        refusal\n        earliestStart\n        chooseStart\n        endRequired\n        maxDays\n        canEnd\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PauseScreenFields on Subscriber {\n    status\n    balance {\n      ...MoneyFields\n    }\n    pause {\n      available\n      active\n      from\n      to\n      activationFee {\n        ...MoneyFields\n      }\n      pricePerMonth {\n        ...MoneyFields\n      }\n      daysAllowed\n      daysUsed\n      rules {\n        refusal\n        earliestStart\n        chooseStart\n        endRequired\n        maxDays\n        canEnd\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Pause {\n    me {\n      ...PauseScreenFields\n    }\n  }\n"): (typeof documents)["\n  query Pause {\n    me {\n      ...PauseScreenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPause($from: Date!, $to: Date, $idempotencyKey: String!) {\n    startPause(from: $from, to: $to, idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...PauseScreenFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartPause($from: Date!, $to: Date, $idempotencyKey: String!) {\n    startPause(from: $from, to: $to, idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...PauseScreenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndPause($idempotencyKey: String!) {\n    endPause(idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...PauseScreenFields\n    }\n  }\n"): (typeof documents)["\n  mutation EndPause($idempotencyKey: String!) {\n    endPause(idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...PauseScreenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Payments {\n    me {\n      payments {\n        date\n        amount {\n          ...MoneyFields\n        }\n        note\n      }\n    }\n  }\n"): (typeof documents)["\n  query Payments {\n    me {\n      payments {\n        date\n        amount {\n          ...MoneyFields\n        }\n        note\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Profile {\n    me {\n      phone\n      email\n    }\n  }\n"): (typeof documents)["\n  query Profile {\n    me {\n      phone\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($current: String!, $newPassword: String!) {\n    changePassword(current: $current, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($current: String!, $newPassword: String!) {\n    changePassword(current: $current, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContacts($phone: String, $email: String) {\n    updateContacts(phone: $phone, email: $email) {\n      phone\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateContacts($phone: String, $email: String) {\n    updateContacts(phone: $phone, email: $email) {\n      phone\n      email\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tickets {\n    me {\n      tickets {\n        id\n        subject\n        status\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Tickets {\n    me {\n      tickets {\n        id\n        subject\n        status\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketFields on Ticket {\n    id\n    subject\n    status\n    createdAt\n    messages {\n      from\n      text\n      at\n    }\n  }\n"): (typeof documents)["\n  fragment TicketFields on Ticket {\n    id\n    subject\n    status\n    createdAt\n    messages {\n      from\n      text\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Ticket($id: ID!) {\n    me {\n      ticket(id: $id) {\n        ...TicketFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Ticket($id: ID!) {\n    me {\n      ticket(id: $id) {\n        ...TicketFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTicket($subject: String, $text: String!, $idempotencyKey: String) {\n    createTicket(subject: $subject, text: $text, idempotencyKey: $idempotencyKey) {\n      ...TicketFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTicket($subject: String, $text: String!, $idempotencyKey: String) {\n    createTicket(subject: $subject, text: $text, idempotencyKey: $idempotencyKey) {\n      ...TicketFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToTicket($ticketId: ID!, $text: String!) {\n    replyToTicket(ticketId: $ticketId, text: $text) {\n      ...TicketFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReplyToTicket($ticketId: ID!, $text: String!) {\n    replyToTicket(ticketId: $ticketId, text: $text) {\n      ...TicketFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TariffScreenFields on Subscriber {\n    tariff {\n      name\n      fee {\n        ...MoneyFields\n      }\n      period\n    }\n    nextTariff {\n      name\n    }\n    nextTariffFrom\n    tariffChangeCancellable\n    tariffOptions {\n      id\n      ...TariffTermsFields\n      changeFee {\n        ...MoneyFields\n      }\n      from\n    }\n  }\n"): (typeof documents)["\n  fragment TariffScreenFields on Subscriber {\n    tariff {\n      name\n      fee {\n        ...MoneyFields\n      }\n      period\n    }\n    nextTariff {\n      name\n    }\n    nextTariffFrom\n    tariffChangeCancellable\n    tariffOptions {\n      id\n      ...TariffTermsFields\n      changeFee {\n        ...MoneyFields\n      }\n      from\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tariff {\n    me {\n      ...TariffScreenFields\n    }\n  }\n"): (typeof documents)["\n  query Tariff {\n    me {\n      ...TariffScreenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeTariff($tariffId: ID!, $idempotencyKey: String!) {\n    changeTariff(tariffId: $tariffId, idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...TariffScreenFields\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeTariff($tariffId: ID!, $idempotencyKey: String!) {\n    changeTariff(tariffId: $tariffId, idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...TariffScreenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelTariffChange($idempotencyKey: String!) {\n    cancelTariffChange(idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...TariffScreenFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelTariffChange($idempotencyKey: String!) {\n    cancelTariffChange(idempotencyKey: $idempotencyKey) {\n      ...DashboardFields\n      ...TariffScreenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopUpMethods($amount: Decimal) {\n    cabinet {\n      paymentMethods {\n        id\n        name\n        kind\n        minAmount {\n          amount\n          currency\n        }\n        maxAmount {\n          amount\n          currency\n        }\n        url(amount: $amount)\n      }\n    }\n  }\n"): (typeof documents)["\n  query TopUpMethods($amount: Decimal) {\n    cabinet {\n      paymentMethods {\n        id\n        name\n        kind\n        minAmount {\n          amount\n          currency\n        }\n        maxAmount {\n          amount\n          currency\n        }\n        url(amount: $amount)\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTopUp($methodId: ID!, $amount: Decimal!, $idempotencyKey: String!) {\n    startTopUp(methodId: $methodId, amount: $amount, idempotencyKey: $idempotencyKey) {\n      id\n      status\n      checkoutUrl\n    }\n  }\n"): (typeof documents)["\n  mutation StartTopUp($methodId: ID!, $amount: Decimal!, $idempotencyKey: String!) {\n    startTopUp(methodId: $methodId, amount: $amount, idempotencyKey: $idempotencyKey) {\n      id\n      status\n      checkoutUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopUpStatus($id: ID!) {\n    topUp(id: $id) {\n      id\n      status\n      amount {\n        amount\n        currency\n      }\n    }\n    me {\n      balance {\n        amount\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  query TopUpStatus($id: ID!) {\n    topUp(id: $id) {\n      id\n      status\n      amount {\n        amount\n        currency\n      }\n    }\n    me {\n      balance {\n        amount\n        currency\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;