import { RunningServer, startServer, startServerExpectingExit } from './support/server-process';

const listening = (logs: string) => JSON.parse(logs.split('\n').find((line) => line.includes('"server.listening"')) ?? '{}').message;

describe('protected mode: without tokens, only this machine may write unless the operator says otherwise', () => {
  let server: RunningServer | undefined;

  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('refuses to start on a non-loopback HOST without tokens, saying why and how to fix it', async () => {
    const { code, output } = await startServerExpectingExit({ HOST: '0.0.0.0' });
    expect(code).toBe(1);
    expect(output).toContain('HOST=0.0.0.0 lets other machines reach the server, and without API_TOKENS anyone could upload and delete');
    expect(output).toContain('ALLOW_ANONYMOUS_WRITES=true');
  });

  it('starts there with ALLOW_ANONYMOUS_WRITES=true, saying it is open', async () => {
    server = await startServer({ HOST: '0.0.0.0', ALLOW_ANONYMOUS_WRITES: 'true' });
    expect(listening(server.logs())).toMatchObject({ access: 'anonymous-open' });
  });

  it('listens on 127.0.0.1 by default, anonymous writes from this machine only', async () => {
    server = await startServer({ HOST: '' });
    expect(listening(server.logs())).toMatchObject({ access: 'anonymous-local', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect((await fetch(`${server.url}/health`)).ok).toBe(true);
  });

  it('starts on a non-loopback HOST with tokens', async () => {
    server = await startServer({ HOST: '0.0.0.0', API_TOKENS: 'e2e-token-0123456789abcdef' });
    expect(listening(server.logs())).toMatchObject({ access: 'tokens' });
  });
});
