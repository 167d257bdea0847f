import { graphql } from '../../gql/index.js';

export const LoginMutation = graphql(`
  mutation Login($login: String!, $password: String!) {
    login(login: $login, password: $password) {
      subscriber {
        ...DashboardFields
      }
    }
  }
`);

export const AutoLoginMutation = graphql(`
  mutation AutoLogin {
    autoLogin {
      subscriber {
        ...DashboardFields
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const ConfirmPasswordMutation = graphql(`
  mutation ConfirmPassword($password: String!) {
    confirmPassword(password: $password)
  }
`);
