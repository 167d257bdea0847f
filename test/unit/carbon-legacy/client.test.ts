import { describe, expect, it } from 'vitest';
import { PROCEDURES, positionalQuery } from '../../../server/billing/carbon-legacy/client.js';

const args = (query: URLSearchParams) => [...query.entries()].filter(([name]) => name.startsWith('arg'));

describe('positional arguments', () => {
  it('are built from named ones in the vendor’s order, NULL as "null"', () => {
    const query = positionalQuery('CLN_USR_GET', { SUID: '123456789', SELECT_ID: '1001' });
    expect(query.toString()).toBe('cmd=execute&proc=CLN_USR_GET&arg1=123456789&arg2=1001');
  });

  it('send every parameter of the procedure, whatever order the names come in', () => {
    const query = positionalQuery('WEB_USER_PROMISE_PAY', { HOST: 'abonent', PROMISE_PAY: '420.50', USER_ID: '1002', SUID: '7' });
    expect(args(query)).toEqual([
      ['arg1', '7'],
      ['arg2', '1002'],
      ['arg3', '420.50'],
      ['arg4', 'abonent'],
    ]);
  });

  it('put the login third and the contract number eighteenth in the 24 arguments of CLN_USR_FIND_2, as the seen clients do', () => {
    const query = positionalQuery('CLN_USR_FIND_2', { SUID: '7', LOGIN_IN: 'ivanov', CONTRACT_NUMBER_IN: 'Д-1001' });
    const sent = args(query);
    expect(sent).toHaveLength(24);
    expect(query.get('arg3')).toBe('ivanov');
    expect(query.get('arg18')).toBe('Д-1001');
    expect(sent.filter(([, value]) => value === 'null')).toHaveLength(21);
  });

  it('lay out CLN_USR_USLUGA_EDIT, CLN_FIN_OPER and CLN_AUTH_LOGIN as the vendor page lists them', () => {
    expect(PROCEDURES.CLN_USR_USLUGA_EDIT.indexOf('UK')).toBe(8);
    expect(args(positionalQuery('CLN_USR_USLUGA_EDIT', { SUID: '7', ID: 100103, USER_ID: 1001, USLUGA_ID: 3, UK: 2 })).map(([, value]) => value)).toEqual([
      '7', '100103', '1001', '3', 'null', 'null', 'null', 'null', '2', 'null', 'null', 'null',
    ]);
    expect(args(positionalQuery('CLN_FIN_OPER', { SUID: '7', USER_ID: '1001', OP_TYPE_IN: '2' })).map(([, value]) => value)).toEqual([
      '7', '1001', 'null', 'null', 'null', '2', 'null', 'null', 'null', 'null',
    ]);
    expect(positionalQuery('CLN_AUTH_LOGIN', { LOGIN: 'api', PASSWORD: 'p&ss=1', FLAG: 0 }).toString()).toBe('cmd=execute&proc=CLN_AUTH_LOGIN&arg1=api&arg2=p%26ss%3D1&arg3=0');
  });

  it('cannot be given a parameter the procedure does not have', () => {
    // @ts-expect-error UK is not a parameter of CLN_USR_GET
    const query = positionalQuery('CLN_USR_GET', { SUID: '7', SELECT_ID: '1', UK: 2 });
    expect(args(query)).toHaveLength(2);
  });
});
