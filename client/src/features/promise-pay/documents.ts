import { graphql } from '../../gql/index.js';

export const TakePromisePayMutation = graphql(`
  mutation TakePromisePay($offerId: ID!, $idempotencyKey: String) {
    takePromisePay(offerId: $offerId, idempotencyKey: $idempotencyKey) {
      ...DashboardFields
    }
  }
`);
