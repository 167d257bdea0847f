import { graphql } from '../../gql/index.js';

export const ConnectionQuery = graphql(`
  query Connection {
    cabinet {
      capabilities {
        traffic
      }
    }
    me {
      ipAddresses
      macAddresses
      online
      lastSeenOnline
      trafficThisMonth {
        downloadBytes
        uploadBytes
      }
      contractNumber
      contractDate
      connectedSince
      discountPercent
      bonusPoints
      paymentId
      tariff {
        name
        speedIn
        speedOut
        includedTrafficMb
      }
    }
  }
`);
