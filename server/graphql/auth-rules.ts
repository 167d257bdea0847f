import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLFieldConfig, type GraphQLSchema } from 'graphql';
import type { GraphQLContext } from './context.js';
import { passwordRequired, unauthenticated } from './errors.js';

/**
 * Who may call a root field, declared in the contract itself (Redwood style) by one directive:
 * `@open` (anyone), `@signedIn` (a live session) or `@passwordConfirmed` (a session whose subscriber
 * gave the password: not one opened automatically by address and never confirmed).
 */
export const AUTH_RULES = ['open', 'signedIn', 'passwordConfirmed'] as const;
export type AuthRule = (typeof AUTH_RULES)[number];

/** The rules a field carries; exactly one is valid. */
export function authRulesOf(schema: GraphQLSchema, field: GraphQLFieldConfig<unknown, unknown>): AuthRule[] {
  return AUTH_RULES.filter((rule) => getDirective(schema, field, rule) !== undefined);
}

/** Root fields of the schema without exactly one rule, as "Type.field". */
export function rootFieldsWithoutRule(schema: GraphQLSchema): string[] {
  const wrong: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    for (const [name, field] of Object.entries(root.toConfig().fields)) {
      if (authRulesOf(schema, field).length !== 1) wrong.push(`${root.name}.${name}`);
    }
  }
  return wrong;
}

function admit(rule: Exclude<AuthRule, 'open'>, context: GraphQLContext, field: string): void {
  if (!context.session) throw unauthenticated();
  if (rule === 'passwordConfirmed' && context.session.via === 'address') throw passwordRequired(field);
}

/**
 * The schema with every root field's rule enforced before its resolver runs. Refuses a schema with
 * a root field that has no rule (or several), so a new field cannot ship unprotected by omission.
 */
export function enforceAuthRules(schema: GraphQLSchema): GraphQLSchema {
  const wrong = rootFieldsWithoutRule(schema);
  if (wrong.length > 0) throw new Error(`Root fields need exactly one of @${AUTH_RULES.join(', @')}: ${wrong.join(', ')}`);
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field, _name, _type, mapped) => {
      const [rule] = authRulesOf(mapped, field as GraphQLFieldConfig<unknown, unknown>);
      if (rule === undefined || rule === 'open') return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: (source, args, context: GraphQLContext, info) => {
          admit(rule, context, info.fieldName);
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
