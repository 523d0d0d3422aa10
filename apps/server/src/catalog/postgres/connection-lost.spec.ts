import { isConnectionLost } from './connection-lost';

const systemError = (code: string, syscall: string) => Object.assign(new Error(`${syscall} ${code}`), { code, syscall });
const serverError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });

describe('isConnectionLost', () => {
  it.each([
    ['a refused connection', systemError('ECONNREFUSED', 'connect')],
    ['a missing unix socket', systemError('ENOENT', 'connect')],
    ['a reset socket', systemError('ECONNRESET', 'read')],
    ['an unknown host', systemError('ENOTFOUND', 'getaddrinfo')],
    ['every address refusing (AggregateError)', Object.assign(new AggregateError([systemError('ECONNREFUSED', 'connect'), systemError('ECONNREFUSED', 'connect')]), { code: 'ECONNREFUSED' })],
    ['an administrator shutting the server down', serverError('57P01', 'terminating connection due to administrator command')],
    ['a server starting up', serverError('57P03', 'the database system is starting up')],
    ['too many connections', serverError('53300', 'sorry, too many clients already')],
    ['a connection exception (class 08)', serverError('08006', 'connection failure')],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['the pool waiting too long for a connection', new Error('timeout exceeded when trying to connect')],
    ['a client broken earlier', new Error('Client has encountered a connection error and is not queryable')],
  ])('counts %s as the database lost', (_name, error) => {
    expect(isConnectionLost(error)).toBe(true);
  });

  it.each([
    ['a unique violation', serverError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', serverError('42601', 'syntax error at or near "SELEC"')],
    ['a missing file on the media volume', systemError('ENOENT', 'open')],
    ['a full disk', systemError('ENOSPC', 'write')],
    ['an AggregateError of other errors', new AggregateError([new Error('boom')])],
    ['not an error', 'ECONNREFUSED'],
    ['null', null],
  ])('does not count %s', (_name, error) => {
    expect(isConnectionLost(error)).toBe(false);
  });
});
