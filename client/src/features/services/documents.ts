import { graphql } from '../../gql/index.js';

export const ConnectServiceMutation = graphql(`
  mutation ConnectService($serviceId: ID!, $idempotencyKey: String) {
    connectService(serviceId: $serviceId, idempotencyKey: $idempotencyKey) {
      ...ServiceFields
    }
  }
`);

export const DisconnectServiceMutation = graphql(`
  mutation DisconnectService($serviceId: ID!, $idempotencyKey: String) {
    disconnectService(serviceId: $serviceId, idempotencyKey: $idempotencyKey) {
      ...ServiceFields
    }
  }
`);
