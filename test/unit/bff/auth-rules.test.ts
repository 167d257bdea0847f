import { makeExecutableSchema } from '@graphql-tools/schema';
import { describe, expect, it } from 'vitest';
import { authRulesOf, enforceAuthRules, rootFieldsWithoutRule } from '../../../server/graphql/auth-rules.js';
import { buildSchema, resolvers, typeDefs } from '../../../server/graphql/schema.js';

const rulesByField = () => {
  const schema = buildSchema();
  const fields = { ...schema.getQueryType()!.toConfig().fields, ...schema.getMutationType()!.toConfig().fields };
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, authRulesOf(schema, field).join(',')]));
};

describe('auth rules', () => {
  it('every root field of the contract declares who may call it', () => {
    expect(rootFieldsWithoutRule(buildSchema())).toEqual([]);
  });

  it('only sign-in, sign-out, password reset and the public reads are open; changing services, the tariff or contacts, or pausing needs the password', () => {
    const rules = rulesByField();
    const withRule = (rule: string) => Object.keys(rules).filter((name) => rules[name] === rule).sort();
    expect(withRule('open')).toEqual(['autoLogin', 'cabinet', 'confirmPasswordReset', 'login', 'logout', 'me', 'requestPasswordReset']);
    expect(withRule('passwordConfirmed')).toEqual(['cancelTariffChange', 'changeTariff', 'connectService', 'disconnectService', 'endPause', 'startPause', 'updateContacts']);
    // changePassword asks for the current password itself.
    expect(withRule('signedIn')).toEqual([
      'changePassword',
      'confirmPassword',
      'createTicket',
      'markAnnouncementsRead',
      'registerPushSubscription',
      'registerPushToken',
      'replyToTicket',
      'startTopUp',
      'takePromisePay',
      'topUp',
      'unregisterPush',
    ]);
  });

  it('refuses to build a schema with an unguarded root field, or one with two rules', () => {
    const unguarded = makeExecutableSchema({ typeDefs: [typeDefs, 'extend type Mutation { sneaky: Boolean! }'], resolvers });
    expect(rootFieldsWithoutRule(unguarded)).toEqual(['Mutation.sneaky']);
    expect(() => enforceAuthRules(unguarded)).toThrow('Mutation.sneaky');
    const ambiguous = makeExecutableSchema({ typeDefs: [typeDefs, 'extend type Query { both: Boolean! @open @signedIn }'], resolvers });
    expect(() => enforceAuthRules(ambiguous)).toThrow('Query.both');
    const guarded = makeExecutableSchema({ typeDefs: [typeDefs, 'extend type Mutation { sneaky: Boolean! @signedIn }'], resolvers });
    expect(rootFieldsWithoutRule(guarded)).toEqual([]);
    expect(() => enforceAuthRules(guarded)).not.toThrow();
  });
});
