// Provider configuration: CheckConfig with the value forms the engine sends, Configure with secrets and a missing key.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startProvider } from './lib/provider-process.mjs';
import { handshake } from './lib/session.mjs';
import { checkConfigRequest, configureRequest } from './lib/configure.mjs';
import { call, callExpectingError, statusDetails, detailsOfType, Status } from './lib/rpc.mjs';
import { fromStruct, secret, isSecret } from './lib/values.mjs';

const SECRET_KEY = 'emulator-secret-key-0001';
// No process listens on port 9 of the loopback: Configure must not need the cloud.
const UNREACHABLE_ENDPOINT = 'http://127.0.0.1:9';

const account = {
  region: 'eu-de',
  projectId: '0123456789abcdef0123456789abcdef',
  accessKey: 'EMULATORACCESSKEY0001',
  vpcepEndpoint: UNREACHABLE_ENDPOINT,
};

function unwrap(value) {
  return isSecret(value) ? value.value : value;
}

describe('CheckConfig and Configure', { timeout: 60_000 }, () => {
  let provider;

  before(async () => {
    provider = await startProvider();
    await handshake(provider);
  });

  after(async () => {
    await provider?.stop();
  });

  it('CheckConfig accepts JSON-string values (maxRetries "3", insecure "false") and keeps the version key', async () => {
    // Secrets arrive unwrapped in CheckConfig; explicit-provider SDKs JSON-encode non-string values.
    const news = { ...account, secretKey: SECRET_KEY, maxRetries: '3', insecure: 'false', version: '0.1.0' };
    const response = await call(provider.client, 'checkConfig', checkConfigRequest(news));
    const failures = response.getFailuresList().map((failure) => failure.toObject());
    assert.deepEqual(failures, []);
    const inputs = fromStruct(response.getInputs());
    assert.equal(inputs.version, '0.1.0');
    assert.equal(unwrap(inputs.region), 'eu-de');
    assert.equal(Number(unwrap(inputs.maxRetries)), 3);
    assert.equal(String(unwrap(inputs.insecure)), 'false');
  });

  it('CheckConfig accepts plain typed values (maxRetries 3, insecure false) and keeps the version key', async () => {
    const news = { ...account, secretKey: SECRET_KEY, maxRetries: 3, insecure: false, version: '0.1.0' };
    const response = await call(provider.client, 'checkConfig', checkConfigRequest(news));
    assert.deepEqual(response.getFailuresList().map((failure) => failure.toObject()), []);
    const inputs = fromStruct(response.getInputs());
    assert.equal(inputs.version, '0.1.0');
    assert.equal(Number(unwrap(inputs.maxRetries)), 3);
  });

  it('CheckConfig reports a JSON-string value that is not an integer as a failure on that key', async () => {
    const news = { ...account, secretKey: SECRET_KEY, maxRetries: 'three', version: '0.1.0' };
    const response = await call(provider.client, 'checkConfig', checkConfigRequest(news));
    const properties = response.getFailuresList().map((failure) => failure.getProperty());
    assert.ok(properties.includes('maxRetries'), `failures: ${JSON.stringify(response.getFailuresList().map((f) => f.toObject()))}`);
  });

  it('Configure with a secret-wrapped secretKey answers acceptSecrets, supportsPreview, acceptResources true and acceptOutputs false', async () => {
    const args = { ...account, secretKey: secret(SECRET_KEY), maxRetries: '3', version: '0.1.0' };
    const response = await call(provider.client, 'configure', configureRequest(args));
    assert.equal(response.getAcceptsecrets(), true, 'acceptSecrets');
    assert.equal(response.getSupportspreview(), true, 'supportsPreview');
    assert.equal(response.getAcceptresources(), true, 'acceptResources');
    assert.equal(response.getAcceptoutputs(), false, 'acceptOutputs');
  });

  it('never writes the secret key to the engine log or to stdout', () => {
    for (const entry of provider.engine.logs) {
      assert.ok(!entry.message.includes(SECRET_KEY), `secret in engine log: ${entry.message}`);
    }
    assert.ok(!provider.laterStdout.join('').includes(SECRET_KEY), 'secret on stdout');
    assert.ok(!provider.stderr.join('').includes(SECRET_KEY), 'secret on stderr');
  });
});

describe('Configure without a region', { timeout: 60_000 }, () => {
  let provider;

  before(async () => {
    provider = await startProvider();
    await handshake(provider);
  });

  after(async () => {
    await provider?.stop();
  });

  it('fails with InvalidArgument and a pulumirpc.ConfigureErrorMissingKeys detail naming region', async () => {
    const { region: _omitted, ...withoutRegion } = account;
    const args = { ...withoutRegion, secretKey: secret(SECRET_KEY) };
    const error = await callExpectingError(provider.client, 'configure', configureRequest(args));
    assert.equal(error.code, Status.INVALID_ARGUMENT, `code ${error.code}: ${error.details}`);
    assert.ok(!error.details.includes(SECRET_KEY), 'the error message carries the secret key');

    const status = statusDetails(error);
    assert.ok(status, 'no grpc-status-details-bin trailer');
    assert.equal(status.getCode(), Status.INVALID_ARGUMENT, 'google.rpc.Status.code differs from the RPC status');
    const missing = detailsOfType(status, 'ConfigureErrorMissingKeys');
    assert.equal(missing.length, 1, `details: ${status.getDetailsList().map((any) => any.getTypeUrl()).join(', ')}`);
    const names = missing[0].getMissingkeysList().map((key) => key.getName());
    // The engine prints the name as given; providers use either the bare key or the namespaced `otc:region`.
    assert.ok(names.some((name) => /^(otc:)?region$/.test(name)), `missing keys: ${JSON.stringify(names)}`);
    for (const key of missing[0].getMissingkeysList()) {
      assert.ok(key.getDescription().length > 0, `missing key ${key.getName()} has no description`);
    }
  });
});
