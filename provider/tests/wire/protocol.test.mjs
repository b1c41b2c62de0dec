// Launch, port line, and the provider-level RPCs that need no cloud: Pulumi's generated client against the AOT binary.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { grpc, providerGrpc, providerPb, pluginPb } from './lib/proto.mjs';
import { PROVIDER_VERSION, startProvider } from './lib/provider-process.mjs';
import { call, callExpectingError, empty, Status } from './lib/rpc.mjs';
import { toStruct, urnOf, randomSeed, RESOURCE_TYPE } from './lib/values.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SCHEMA_PATH = path.resolve(here, '../../../schema.json');

describe('launch and provider-level RPCs', { timeout: 60_000 }, () => {
  let provider;

  before(async () => {
    provider = await startProvider();
  });

  after(async () => {
    await provider?.stop();
  });

  it('writes only the decimal port, then a newline, as the first stdout line', () => {
    assert.match(provider.portLine, /^[0-9]+$/, `first stdout line was ${JSON.stringify(provider.portLine)}`);
    assert.ok(provider.port >= 1 && provider.port <= 65535, `port ${provider.port} out of range`);
  });

  it('GetPluginInfo reports the version in VERSION', async () => {
    const info = await call(provider.client, 'getPluginInfo', empty());
    assert.ok(info instanceof pluginPb.PluginInfo);
    assert.equal(info.getVersion(), PROVIDER_VERSION);
  });

  it('Handshake accepts secrets and resources, not outputs', async () => {
    const request = new providerPb.ProviderHandshakeRequest();
    request.setEngineAddress(provider.engine.address);
    request.setRootDirectory(path.dirname(provider.child.spawnfile));
    request.setProgramDirectory(path.dirname(provider.child.spawnfile));
    request.setConfigureWithUrn(true);
    request.setSupportsViews(true);
    request.setSupportsRefreshBeforeUpdate(true);
    request.setInvokeWithPreview(true);
    const response = await call(provider.client, 'handshake', request);
    assert.equal(response.getAcceptSecrets(), true, 'accept_secrets');
    assert.equal(response.getAcceptResources(), true, 'accept_resources');
    assert.equal(response.getAcceptOutputs(), false, 'accept_outputs');
  });

  // Byte for byte, not as parsed JSON: the binary embeds the file, so any difference means it serves a stale
  // or re-serialised copy, and SDK generation must see exactly the committed text.
  it('GetSchema returns the repository schema.json byte for byte', async () => {
    const request = new providerPb.GetSchemaRequest();
    request.setVersion(0);
    const response = await call(provider.client, 'getSchema', request);
    const served = Buffer.from(response.getSchema(), 'utf8');
    const committed = readFileSync(SCHEMA_PATH);
    if (!served.equals(committed)) {
      let sameJson = false;
      try {
        sameJson = JSON.stringify(JSON.parse(served.toString('utf8'))) === JSON.stringify(JSON.parse(committed.toString('utf8')));
      } catch {
        sameJson = false;
      }
      assert.fail(`served schema (${served.length} bytes) differs from ${SCHEMA_PATH} (${committed.length} bytes); equal as parsed JSON: ${sameJson}`);
    }
    assert.equal(JSON.parse(response.getSchema()).name, 'otc');
  });

  it('Check on an unknown type token fails cleanly with InvalidArgument naming the token', async () => {
    const token = 'otc:vpcep:NoSuchResource';
    const request = new providerPb.CheckRequest();
    request.setUrn(urnOf('ghost', token));
    request.setName('ghost');
    request.setType(token);
    request.setOlds(toStruct({}));
    request.setNews(toStruct({ anything: 'at all' }));
    request.setRandomseed(randomSeed());
    const error = await callExpectingError(provider.client, 'check', request);
    assert.equal(error.code, Status.INVALID_ARGUMENT, `code ${error.code} (${error.details})`);
    assert.ok(error.details.includes(token), `message does not name the token: ${JSON.stringify(error.details)}`);
  });

  // The engine's client allows 400 MiB messages; ASP.NET Core's default limit (4 MB) would refuse a large state.
  it('accepts and answers a message larger than 4 MB', async () => {
    const engineSizedClient = new providerGrpc.ResourceProviderClient(`127.0.0.1:${provider.port}`, grpc.credentials.createInsecure(), {
      'grpc.max_receive_message_length': 400 * 1024 * 1024,
      'grpc.max_send_message_length': 400 * 1024 * 1024,
    });
    try {
      const hugeDescription = 'x'.repeat(6 * 1024 * 1024);
      const request = new providerPb.CheckRequest();
      request.setUrn(urnOf('huge'));
      request.setName('huge');
      request.setType(RESOURCE_TYPE);
      request.setOlds(toStruct({}));
      request.setNews(toStruct({ portId: 'p', vpcId: 'v', serverType: 'LB', ports: [{ clientPort: 80, serverPort: 8080 }], description: hugeDescription }));
      request.setRandomseed(randomSeed());
      const response = await call(engineSizedClient, 'check', request);
      // The answer itself is the point; the over-long description is then an ordinary validation failure.
      assert.ok(response.getFailuresList().some((failure) => failure.getProperty() === 'description'));
    } finally {
      engineSizedClient.close();
    }
  });

  // A CRUD provider serves no components, functions-on-resources, parameterization or mappings; the engine
  // tolerates UNIMPLEMENTED for the optional ones, so that exact code (not INTERNAL) is the contract.
  for (const [method, request] of [
    ['construct', () => new providerPb.ConstructRequest()],
    ['call', () => new providerPb.CallRequest()],
    ['parameterize', () => new providerPb.ParameterizeRequest()],
    ['getMapping', () => new providerPb.GetMappingRequest()],
    ['getMappings', () => new providerPb.GetMappingsRequest()],
  ]) {
    it(`${method} answers UNIMPLEMENTED`, async () => {
      const error = await callExpectingError(provider.client, method, request());
      assert.equal(error.code, Status.UNIMPLEMENTED, `code ${error.code} (${error.details})`);
    });
  }

  it('Cancel is answered', async () => {
    const response = await call(provider.client, 'cancel', empty());
    assert.ok(response !== undefined && response !== null);
  });

  it('keeps serving after Cancel (Cancel aborts in-flight work, it does not shut the server down)', async () => {
    const info = await call(provider.client, 'getPluginInfo', empty());
    assert.equal(info.getVersion(), PROVIDER_VERSION);
  });
});
