import { graphql } from '../../gql/index.js';

export const PauseQuery = graphql(`
  query Pause {
    me {
      status
      balance {
        ...MoneyFields
      }
      pause {
        available
        active
        from
        to
        activationFee {
          ...MoneyFields
        }
        pricePerMonth {
          ...MoneyFields
        }
        daysAllowed
        daysUsed
        rules {
          refusal
          earliestStart
          chooseStart
          endRequired
          maxDays
          canEnd
        }
      }
    }
  }
`);

export const StartPauseMutation = graphql(`
  mutation StartPause($from: Date!, $to: Date, $idempotencyKey: String!) {
    startPause(from: $from, to: $to, idempotencyKey: $idempotencyKey) {
      ...DashboardFields
    }
  }
`);

export const EndPauseMutation = graphql(`
  mutation EndPause($idempotencyKey: String!) {
    endPause(idempotencyKey: $idempotencyKey) {
      ...DashboardFields
    }
  }
`);
