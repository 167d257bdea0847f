import { graphql } from '../../gql/index.js';

/**
 * The year at a glance: what each month cost, every charge since `from`, the payments beside them and
 * the invoices (empty, with no billing call, where the billing issues none). One document, so the first
 * screen carries no entry for another.
 */
export const SpendingHistoryQuery = graphql(`
  query SpendingHistory($from: Date!) {
    cabinet {
      capabilities {
        charges
        payments
        invoices
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
      invoices {
        number
        date
        periodEnd
        total {
          ...MoneyFields
        }
        lines {
          name
          amount {
            ...MoneyFields
          }
          quantity
        }
      }
    }
  }
`);

