import { graphql } from '../../gql/index.js';

export const PaymentsQuery = graphql(`
  query Payments {
    me {
      payments {
        date
        amount {
          ...MoneyFields
        }
        note
      }
    }
  }
`);
