import { graphql } from '../../gql/index.js';

export const RegisterPushSubscriptionMutation = graphql(`
  mutation RegisterPushSubscription($subscription: WebPushSubscriptionInput!, $locale: String) {
    registerPushSubscription(subscription: $subscription, locale: $locale)
  }
`);

export const UnregisterPushMutation = graphql(`
  mutation UnregisterPush($endpointOrToken: String!) {
    unregisterPush(endpointOrToken: $endpointOrToken)
  }
`);
