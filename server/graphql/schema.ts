import { readFileSync } from 'node:fs';
import { mergeResolvers } from '@graphql-tools/merge';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { billingKindSdl } from '../billing/registry.js';
import { projectPath } from '../paths.js';
import { enforceAuthRules } from './auth-rules.js';
import type { GraphQLContext } from './context.js';
import type { Resolvers } from './resolvers-types.generated.js';
import { authResolvers } from './resolvers/auth.js';
import { cabinetResolvers } from './resolvers/cabinet.js';
import { pauseResolvers } from './resolvers/pause.js';
import { passwordResetResolvers } from './resolvers/password-reset.js';
import { promisePayResolvers } from './resolvers/promise-pay.js';
import { profileResolvers } from './resolvers/profile.js';
import { pushResolvers } from './resolvers/push.js';
import { noticesResolvers } from './resolvers/notices.js';
import { servicesResolvers } from './resolvers/services.js';
import { subscriberResolvers } from './resolvers/subscriber.js';
import { supportResolvers } from './resolvers/support.js';
import { tariffResolvers } from './resolvers/tariff.js';
import { topUpResolvers } from './resolvers/top-ups.js';
import { scalarResolvers } from './scalars.js';

export const typeDefs = `${readFileSync(projectPath('shared', 'schema.graphql'), 'utf8')}\n${billingKindSdl}`;

const features: Resolvers[] = [
  scalarResolvers,
  cabinetResolvers,
  subscriberResolvers,
  authResolvers,
  promisePayResolvers,
  servicesResolvers,
  passwordResetResolvers,
  pushResolvers,
  supportResolvers,
  noticesResolvers,
  topUpResolvers,
  pauseResolvers,
  tariffResolvers,
  profileResolvers,
];

export const resolvers = mergeResolvers<unknown, GraphQLContext>(features);

/** The executable schema with the auth rule of every root field enforced; refuses to build if one lacks a rule. */
export function buildSchema() {
  return enforceAuthRules(makeExecutableSchema({ typeDefs, resolvers }));
}
