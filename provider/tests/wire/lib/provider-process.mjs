// Starts bin/pulumi-resource-otc the way the Pulumi engine does and connects Pulumi's generated client to it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { grpc, providerGrpc } from './proto.mjs';
import { startFakeEngine } from './fake-engine.mjs';
import { readFirstLine, exited } from './first-line.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PROVIDER_BIN = process.env.PROVIDER_BIN ?? path.resolve(here, '../../../../bin/pulumi-resource-otc');
// The release version, from the repository's one VERSION file; GetPluginInfo must report it.
export const PROVIDER_VERSION = readFileSync(path.resolve(here, '../../../../VERSION'), 'utf8').trim();

// Configuration must come from the requests alone, never from the developer's shell.
function providerEnvironment() {
  const environment = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('OS_') && !key.startsWith('OTC_') && !key.startsWith('PULUMI_')) {
      environment[key] = value;
    }
  }
  return environment;
}

// Whatever happens to a test (timeout, cancellation), no provider process outlives the test file.
const running = new Set();
process.on('exit', () => {
  for (const child of running) {
    child.kill('SIGKILL');
  }
});

/**
 * `flags` go before the engine address, as the engine's `--logtostderr`, `-v=N` and `--tracing X` do.
 * `pollIntervalMs` (OTC_POLL_INTERVAL_MS) is how often the provider reads what it waits for: the emulator here creates
 * and deletes in a fifth of a second, so the provider's default of once a second would only add waiting.
 */
export async function startProvider({ flags = [], pollIntervalMs = 50 } = {}) {
  const engine = await startFakeEngine();
  const child = spawn(PROVIDER_BIN, [...flags, engine.address], {
    cwd: path.dirname(PROVIDER_BIN),
    env: { ...providerEnvironment(), OTC_POLL_INTERVAL_MS: String(pollIntervalMs) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(chunk.toString('utf8')));
  const laterStdout = [];
  const portLine = await readFirstLine(child, PROVIDER_BIN);
  child.stdout.on('data', (chunk) => laterStdout.push(chunk.toString('utf8')));
  const port = Number.parseInt(portLine, 10);
  const client = /^[0-9]+$/.test(portLine)
    ? new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure())
    : undefined;

  return {
    child,
    engine,
    portLine,
    port,
    client,
    stderr,
    laterStdout,
    /**
     * Closes the connection, then interrupts the process as the engine does at the end of an operation.
     * Like the engine, it kills a process that is still there after a grace period, so no test leaks one;
     * the shutdown tests themselves wait without that fallback.
     */
    async stop(graceMs = 10_000) {
      client?.close();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited(child);
      clearTimeout(timer);
      await engine.stop();
      return result;
    },
  };
}
