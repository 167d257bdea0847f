import { graphql } from '../../gql/index.js';

/** The year at a glance: what each month cost, every charge since `from` and the payments beside them. */
export const SpendingHistoryQuery = graphql(`
  query SpendingHistory($from: Date!) {
    cabinet {
      capabilities {
        charges
        payments
      }
    }
    me {
      monthlySpend(months: 12) {
        month
        total {
          ...MoneyFields
        }
        items {
          name
          kind
          amount {
            ...MoneyFields
          }
        }
      }
      charges(from: $from) {
        date
        amount {
          ...MoneyFields
        }
        name
        kind
        note
      }
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
