import { graphql } from '../../gql';

export const TakePromisePayMutation = graphql(`
  mutation TakePromisePay($offerId: ID!, $idempotencyKey: String) {
    takePromisePay(offerId: $offerId, idempotencyKey: $idempotencyKey) {
      ...DashboardFields
    }
  }
`);
