// The engine's command line, and how it ends a plugin: by closing its connection and sending SIGINT; a plugin must also not outlive a closed stdin.
// No timing assertion: each test waits for the exit event under a generous test timeout.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PROVIDER_VERSION, startProvider } from './lib/provider-process.mjs';
import { exited } from './lib/first-line.mjs';
import { call, empty } from './lib/rpc.mjs';

describe('command line', { timeout: 60_000 }, () => {
  it('accepts the engine flags (--logtostderr, -v=N, --tracing X) before the engine address', async () => {
    const provider = await startProvider({ flags: ['--logtostderr', '-v=9', '--tracing', '127.0.0.1:9'] });
    try {
      assert.match(provider.portLine, /^[0-9]+$/, `first stdout line was ${JSON.stringify(provider.portLine)}`);
      assert.equal((await call(provider.client, 'getPluginInfo', empty())).getVersion(), PROVIDER_VERSION);
    } finally {
      await provider.stop();
    }
  });
});

describe('process exit', { timeout: 60_000 }, () => {
  it('exits after the connection is closed and SIGINT is sent', { timeout: 30_000 }, async () => {
    const provider = await startProvider();
    try {
      assert.equal((await call(provider.client, 'getPluginInfo', empty())).getVersion(), PROVIDER_VERSION);
      provider.client.close();
      provider.child.kill('SIGINT');
      const { code, signal } = await exited(provider.child);
      assert.ok(code !== null || signal !== null);
      assert.equal(code, 0, `expected a graceful exit with code 0, got code ${code} signal ${signal}; stderr: ${provider.stderr.join('')}`);
    } finally {
      await provider.stop();
    }
  });

  it('exits by itself when its stdin is closed', { timeout: 30_000 }, async () => {
    const provider = await startProvider();
    try {
      assert.equal((await call(provider.client, 'getPluginInfo', empty())).getVersion(), PROVIDER_VERSION);
      provider.client.close();
      provider.child.stdin.end();
      const { code, signal } = await exited(provider.child);
      assert.equal(signal, null, `the process was killed by ${signal} rather than exiting`);
      assert.equal(code, 0, `exit code ${code}; stderr: ${provider.stderr.join('')}`);
    } finally {
      await provider.stop();
    }
  });
});
