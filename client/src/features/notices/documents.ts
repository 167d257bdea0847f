import { graphql } from '../../gql/index.js';

export const AnnouncementsQuery = graphql(`
  query Announcements {
    me {
      announcements {
        id
        title
        text
        at
        read
      }
    }
  }
`);

export const MarkAnnouncementsReadMutation = graphql(`
  mutation MarkAnnouncementsRead {
    markAnnouncementsRead
  }
`);
