import { graphql } from '../../gql/index.js';

export const ProfileQuery = graphql(`
  query Profile {
    me {
      phone
      email
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($current: String!, $newPassword: String!) {
    changePassword(current: $current, newPassword: $newPassword)
  }
`);

export const UpdateContactsMutation = graphql(`
  mutation UpdateContacts($phone: String, $email: String) {
    updateContacts(phone: $phone, email: $email) {
      phone
      email
    }
  }
`);
