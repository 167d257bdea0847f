import { graphql } from '../../gql/index.js';

export const MoneyFields = graphql(`
  fragment MoneyFields on Money {
    amount
    currency
  }
`);

export const CabinetFields = graphql(`
  fragment CabinetFields on Cabinet {
    billingKind
    capabilities {
      passwordLogin
      autoLogin
      promisePay
      services
      serviceConnect
      serviceDisconnect
      passwordReset
      payments
      charges
      tickets
      announcements
      pause
      tariffChange
      passwordChange
      contactsChange
    }
    currency
    name
    shortName
    themeColor
    vapidPublicKey
    demo
    support {
      name
      phone
      email
      address
      website
    }
  }
`);

/** What a tariff costs and gives: the subscriber's own and each one to change to. */
export const TariffTermsFields = graphql(`
  fragment TariffTermsFields on TariffTerms {
    name
    fee {
      ...MoneyFields
    }
    period
    speedIn
    speedOut
  }
`);

export const ServiceFields = graphql(`
  fragment ServiceFields on Service {
    id
    name
    description
    price {
      ...MoneyFields
    }
    connected
    canConnect
    canDisconnect
    pending
  }
`);

/** Everything the dashboard and the screens under it show; also what is kept for offline use. */
export const DashboardFields = graphql(`
  fragment DashboardFields on Subscriber {
    login
    fullName
    contractNumber
    accountNumber
    ipAddresses
    balance {
      ...MoneyFields
    }
    credit {
      ...MoneyFields
    }
    status
    tariff {
      ...TariffTermsFields
    }
    nextTariff {
      name
      fee {
        ...MoneyFields
      }
      period
    }
    nextTariffFrom
    daysLeft
    paidUntil
    amountToPay {
      ...MoneyFields
    }
    recommendedToPay {
      ...MoneyFields
    }
    nextChargeOn
    pausedUntil
    spends {
      name
      price {
        ...MoneyFields
      }
      period
    }
    services {
      ...ServiceFields
    }
    promisePay {
      active {
        amount {
          ...MoneyFields
        }
        until
      }
      offers {
        id
        amount {
          ...MoneyFields
        }
        days
        fee {
          ...MoneyFields
        }
        description
      }
      refusal
    }
  }
`);

/** The first request: who the ISP is and who is signed in, in one round trip. */
export const StartQuery = graphql(`
  query Start {
    cabinet {
      ...CabinetFields
    }
    me {
      ...DashboardFields
    }
  }
`);
