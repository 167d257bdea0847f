import { graphql } from '../../gql/index.js';

export const TicketsQuery = graphql(`
  query Tickets {
    me {
      tickets {
        id
        subject
        status
        createdAt
      }
    }
  }
`);

export const TicketFields = graphql(`
  fragment TicketFields on Ticket {
    id
    subject
    status
    createdAt
    messages {
      from
      text
      at
    }
  }
`);

export const TicketQuery = graphql(`
  query Ticket($id: ID!) {
    me {
      ticket(id: $id) {
        ...TicketFields
      }
    }
  }
`);

export const CreateTicketMutation = graphql(`
  mutation CreateTicket($subject: String, $text: String!, $idempotencyKey: String) {
    createTicket(subject: $subject, text: $text, idempotencyKey: $idempotencyKey) {
      ...TicketFields
    }
  }
`);

export const ReplyToTicketMutation = graphql(`
  mutation ReplyToTicket($ticketId: ID!, $text: String!) {
    replyToTicket(ticketId: $ticketId, text: $text) {
      ...TicketFields
    }
  }
`);
