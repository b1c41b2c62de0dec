// Starts the OTC emulator (a real process on loopback) and reads its request journal.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFirstLine, exited } from './first-line.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const EMULATOR_DLL = process.env.EMULATOR_DLL
  ?? path.resolve(here, '../../../../emulator/bin/Release/net10.0/otc-emulator.dll');

// The emulator's built-in identities (contracts §A).
export const EMULATOR_ACCOUNT = Object.freeze({
  region: 'eu-de',
  projectId: '0123456789abcdef0123456789abcdef',
  accessKey: 'EMULATORACCESSKEY0001',
  secretKey: 'emulator-secret-key-0001',
});

// The emulator's two readings of the API reference: lenient (the default) and strict (--strict, the harsh reading of
// every ambiguous rule). The resource suites run against both.
export const MODES = Object.freeze(['lenient', 'strict']);

export async function startEmulator({ strict = false } = {}) {
  const args = [EMULATOR_DLL, '--port', '0', '--create-delay-ms', '200', '--delete-delay-ms', '100'];
  if (strict) {
    args.push('--strict');
  }
  const child = spawn('dotnet', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // No emulator outlives the test file, whatever happens to a test.
  process.once('exit', () => child.kill('SIGKILL'));
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(chunk.toString('utf8')));
  const baseUrl = (await readFirstLine(child, EMULATOR_DLL)).trim();
  // Keep draining the human log lines so the emulator never blocks on a full pipe.
  child.stdout.on('data', () => {});
  if (!/^http:\/\/127\.0\.0\.1:[0-9]+$/.test(baseUrl)) {
    child.kill('SIGKILL');
    throw new Error(`the emulator's first line is not a base URL: ${JSON.stringify(baseUrl)}`);
  }

  return {
    baseUrl,
    stderr,
    async journal() {
      const response = await fetch(`${baseUrl}/__emulator/journal`);
      if (!response.ok) {
        throw new Error(`GET /__emulator/journal answered ${response.status}`);
      }
      return response.json();
    },
    async clearJournal() {
      const response = await fetch(`${baseUrl}/__emulator/journal`, { method: 'DELETE' });
      if (!response.ok) {
        throw new Error(`DELETE /__emulator/journal answered ${response.status}`);
      }
    },
    // POST /__emulator/settings: changes the named run-time settings (e.g. { pageCap: 2 }), answers all of them.
    async settings(change) {
      const response = await fetch(`${baseUrl}/__emulator/settings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(change),
      });
      if (!response.ok) {
        throw new Error(`POST /__emulator/settings answered ${response.status}`);
      }
      return response.json();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const result = await exited(child);
      clearTimeout(timer);
      return result;
    },
  };
}
