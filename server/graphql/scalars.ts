import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function stringScalar(name: string, description: string, pattern: RegExp) {
  const check = (value: unknown) => {
    if (typeof value !== 'string' || !pattern.test(value)) throw new GraphQLError(`${name} cannot represent ${JSON.stringify(value)}`);
    return value;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: check,
    parseValue: check,
    parseLiteral(ast) {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string`);
      return check(ast.value);
    },
  });
}

export const scalarResolvers = {
  Decimal: stringScalar('Decimal', 'A decimal number as a string, e.g. "-12.50".', /^-?\d+(\.\d+)?$/),
  Date: stringScalar('Date', 'A calendar date, YYYY-MM-DD.', /^\d{4}-\d{2}-\d{2}$/),
  DateTime: stringScalar('DateTime', 'An instant, ISO 8601 with a time zone.', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/),
};
