import { makeExecutableSchema } from '@graphql-tools/schema';
import { describe, expect, it } from 'vitest';
import { authRuleOf, open, rootFieldsWithoutRule } from '../../../server/graphql/auth-rules.js';
import { buildSchema, resolvers, typeDefs } from '../../../server/graphql/schema.js';

describe('auth rules', () => {
  it('every root field of the contract declares who may call it', () => {
    const schema = buildSchema();
    expect(rootFieldsWithoutRule(schema, resolvers)).toEqual([]);
  });

  it('only sign-in, sign-out, password reset and the public reads are open', () => {
    const openFields = Object.entries({ ...resolvers.Query, ...resolvers.Mutation })
      .filter(([, resolve]) => authRuleOf(resolve) === 'open')
      .map(([name]) => name)
      .sort();
    expect(openFields).toEqual(['autoLogin', 'cabinet', 'confirmPasswordReset', 'login', 'logout', 'me', 'requestPasswordReset']);
  });

  it('refuses to build a schema with an unguarded root field', () => {
    const extended = `${typeDefs}\nextend type Mutation { sneaky: Boolean! }`;
    const unguarded = { ...resolvers, Mutation: { ...resolvers.Mutation, sneaky: () => true } };
    const schema = makeExecutableSchema({ typeDefs: extended, resolvers: unguarded });
    expect(rootFieldsWithoutRule(schema, unguarded)).toEqual(['Mutation.sneaky']);
    const guarded = { ...unguarded, Mutation: { ...unguarded.Mutation, sneaky: open(() => true) } };
    expect(rootFieldsWithoutRule(schema, guarded)).toEqual([]);
  });
});
