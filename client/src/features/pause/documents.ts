import { graphql } from '../../gql/index.js';

/** What the pause screen shows. Starting or ending a pause answers it too, so the screen reads nothing more. */
export const PauseScreenFields = graphql(`
  fragment PauseScreenFields on Subscriber {
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
`);

export const PauseQuery = graphql(`
  query Pause {
    me {
      ...PauseScreenFields
    }
  }
`);

export const StartPauseMutation = graphql(`
  mutation StartPause($from: Date!, $to: Date, $idempotencyKey: String!) {
    startPause(from: $from, to: $to, idempotencyKey: $idempotencyKey) {
      ...DashboardFields
      ...PauseScreenFields
    }
  }
`);

export const EndPauseMutation = graphql(`
  mutation EndPause($idempotencyKey: String!) {
    endPause(idempotencyKey: $idempotencyKey) {
      ...DashboardFields
      ...PauseScreenFields
    }
  }
`);
