import { graphql } from '../../gql/index.js';

export const TopUpMethodsQuery = graphql(`
  query TopUpMethods($amount: Decimal) {
    cabinet {
      paymentMethods {
        id
        name
        kind
        minAmount {
          amount
          currency
        }
        maxAmount {
          amount
          currency
        }
        url(amount: $amount)
      }
    }
  }
`);

export const StartTopUpMutation = graphql(`
  mutation StartTopUp($methodId: ID!, $amount: Decimal!, $idempotencyKey: String!) {
    startTopUp(methodId: $methodId, amount: $amount, idempotencyKey: $idempotencyKey) {
      id
      status
      checkoutUrl
    }
  }
`);

export const TopUpStatusQuery = graphql(`
  query TopUpStatus($id: ID!) {
    topUp(id: $id) {
      id
      status
      amount {
        amount
        currency
      }
    }
    me {
      balance {
        amount
        currency
      }
    }
  }
`);
