import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { projectPath } from '../paths.js';
import { rootFieldsWithoutRule } from './auth-rules.js';
import { authResolvers } from './resolvers/auth.js';
import { cabinetResolvers } from './resolvers/cabinet.js';
import { passwordResetResolvers } from './resolvers/password-reset.js';
import { promisePayResolvers } from './resolvers/promise-pay.js';
import { pushResolvers } from './resolvers/push.js';
import { servicesResolvers } from './resolvers/services.js';
import { subscriberResolvers } from './resolvers/subscriber.js';
import { scalarResolvers } from './scalars.js';

export const typeDefs = readFileSync(projectPath('shared', 'schema.graphql'), 'utf8');

export const resolvers = {
  ...scalarResolvers,
  Query: { ...cabinetResolvers.Query, ...subscriberResolvers.Query },
  Mutation: {
    ...authResolvers.Mutation,
    ...promisePayResolvers.Mutation,
    ...servicesResolvers.Mutation,
    ...passwordResetResolvers.Mutation,
    ...pushResolvers.Mutation,
  },
  Cabinet: cabinetResolvers.Cabinet,
  Subscriber: subscriberResolvers.Subscriber,
};

/** The executable schema; refuses to build if any root field lacks an explicit auth rule. */
export function buildSchema() {
  const schema = makeExecutableSchema({ typeDefs, resolvers });
  const missing = rootFieldsWithoutRule(schema, resolvers);
  if (missing.length > 0) throw new Error(`Root fields without an auth rule: ${missing.join(', ')}`);
  return schema;
}
