import { graphql } from '../../gql/index.js';

export const TariffQuery = graphql(`
  query Tariff {
    me {
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
  }
`);

export const ChangeTariffMutation = graphql(`
  mutation ChangeTariff($tariffId: ID!, $idempotencyKey: String!) {
    changeTariff(tariffId: $tariffId, idempotencyKey: $idempotencyKey) {
      ...DashboardFields
    }
  }
`);

export const CancelTariffChangeMutation = graphql(`
  mutation CancelTariffChange($idempotencyKey: String!) {
    cancelTariffChange(idempotencyKey: $idempotencyKey) {
      ...DashboardFields
    }
  }
`);
