import { graphql } from '../../gql/index.js';

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($login: String!) {
    requestPasswordReset(login: $login) {
      ticket
      channel
    }
  }
`);

export const ConfirmPasswordResetMutation = graphql(`
  mutation ConfirmPasswordReset($ticket: ID!, $code: String!, $newPassword: String!) {
    confirmPasswordReset(ticket: $ticket, code: $code, newPassword: $newPassword)
  }
`);
