import { graphql } from '../../gql/index.js';

/** What the tariff screen shows. Booking or cancelling a change answers it too, so the screen reads nothing more. */
export const TariffScreenFields = graphql(`
  fragment TariffScreenFields on Subscriber {
    tariff {
      name
      fee {
        ...MoneyFields
      }
      period
    }
    nextTariff {
      name
    }
    nextTariffFrom
    tariffChangeCancellable
    tariffOptions {
      id
      ...TariffTermsFields
      changeFee {
        ...MoneyFields
      }
      from
    }
  }
`);

export const TariffQuery = graphql(`
  query Tariff {
    me {
      ...TariffScreenFields
    }
  }
`);

export const ChangeTariffMutation = graphql(`
  mutation ChangeTariff($tariffId: ID!, $idempotencyKey: String!) {
    changeTariff(tariffId: $tariffId, idempotencyKey: $idempotencyKey) {
      ...DashboardFields
      ...TariffScreenFields
    }
  }
`);

export const CancelTariffChangeMutation = graphql(`
  mutation CancelTariffChange($idempotencyKey: String!) {
    cancelTariffChange(idempotencyKey: $idempotencyKey) {
      ...DashboardFields
      ...TariffScreenFields
    }
  }
`);
