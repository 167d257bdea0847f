import { graphql } from '../../gql';

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
