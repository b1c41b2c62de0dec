// The provider's functions (the Invoke RPC) through Pulumi's own generated client, against a real emulator process:
// otc:vpcep:getPublicServices and otc:vpcep:getVpcEndpointService, including the failures an invoke reports.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startProvider } from './lib/provider-process.mjs';
import { startEmulator, EMULATOR_ACCOUNT } from './lib/emulator-process.mjs';
import { handshake } from './lib/session.mjs';
import { configureRequest } from './lib/configure.mjs';
import { call, callExpectingError, Status } from './lib/rpc.mjs';
import { checkRequest, createRequest, deleteRequest } from './lib/resource-requests.mjs';
import { providerPb } from './lib/proto.mjs';
import { fromStruct, toStruct, secret } from './lib/values.mjs';

function invokeRequest(token, args) {
  const request = new providerPb.InvokeRequest();
  request.setTok(token);
  request.setArgs(toStruct(args));
  return request;
}

function failuresOf(response) {
  return response.getFailuresList().map((failure) => failure.toObject());
}

describe('functions through the Invoke RPC', { timeout: 120_000 }, () => {
  let emulator;
  let provider;
  let service;

  before(async () => {
    emulator = await startEmulator();
    provider = await startProvider();
    await handshake(provider);
    await call(provider.client, 'configure', configureRequest({
      region: EMULATOR_ACCOUNT.region,
      projectId: EMULATOR_ACCOUNT.projectId,
      accessKey: EMULATOR_ACCOUNT.accessKey,
      secretKey: secret(EMULATOR_ACCOUNT.secretKey),
      vpcepEndpoint: emulator.baseUrl,
    }));
    const checked = await call(provider.client, 'check', checkRequest('looked-up', {
      portId: randomUUID(),
      vpcId: randomUUID(),
      serverType: 'LB',
      serviceName: 'lookup',
      ports: [{ clientPort: 443, serverPort: 8443 }],
    }));
    const inputs = fromStruct(checked.getInputs());
    const created = await call(provider.client, 'create', createRequest('looked-up', inputs, { preview: false }), 90_000);
    service = { id: created.getId(), inputs, outputs: fromStruct(created.getProperties()) };
  });

  after(async () => {
    if (service) {
      await call(provider.client, 'delete', deleteRequest('looked-up', service.id, { properties: service.outputs, oldInputs: service.inputs }), 90_000);
    }
    await provider?.stop();
    await emulator?.stop();
  });

  it('getPublicServices returns every public service, each with id, owner, name, type, creation time and charging', async () => {
    const response = await call(provider.client, 'invoke', invokeRequest('otc:vpcep:getPublicServices', {}));
    assert.deepEqual(failuresOf(response), []);
    const result = fromStruct(response.getReturn());
    assert.equal(result.services.length, 2, JSON.stringify(result));
    for (const entry of result.services) {
      assert.deepEqual(Object.keys(entry).sort(), ['createdAt', 'id', 'isCharge', 'owner', 'serviceName', 'serviceType']);
      assert.equal(entry.owner, 'OTC');
      assert.equal(typeof entry.isCharge, 'boolean');
    }
  });

  it('getPublicServices filters by name, case-insensitively, as the API does', async () => {
    await emulator.clearJournal();
    const response = await call(provider.client, 'invoke', invokeRequest('otc:vpcep:getPublicServices', { name: 'OBS' }));
    const result = fromStruct(response.getReturn());
    assert.deepEqual(result.services.map((entry) => entry.serviceName), [`com.t-systems.otc.${EMULATOR_ACCOUNT.region}.obs`]);
    const calls = (await emulator.journal()).filter((entry) => entry.path.endsWith('/vpc-endpoint-services/public'));
    assert.equal(calls.length, 1);
    assert.match(calls[0].query, /endpoint_service_name=OBS/);
  });

  it('getVpcEndpointService by full name answers the service with its details', async () => {
    const response = await call(provider.client, 'invoke', invokeRequest('otc:vpcep:getVpcEndpointService', { name: service.outputs.fullServiceName }));
    assert.deepEqual(failuresOf(response), []);
    const result = fromStruct(response.getReturn());
    assert.equal(result.id, service.id);
    assert.equal(result.fullServiceName, service.outputs.fullServiceName);
    assert.equal(result.serviceName, 'lookup');
    assert.equal(result.serviceType, 'interface');
    assert.equal(result.status, 'available');
    assert.deepEqual(result.ports, [{ clientPort: 443, serverPort: 8443, protocol: 'TCP' }]);
    assert.equal(result.approvalEnabled, true);
  });

  it('getVpcEndpointService reports arguments it cannot use as failures naming the property', async () => {
    const response = await call(provider.client, 'invoke', invokeRequest('otc:vpcep:getVpcEndpointService', { id: service.id, name: 'eu-de.x.y' }));
    const failures = failuresOf(response);
    assert.equal(failures.length, 1, JSON.stringify(failures));
    assert.equal(failures[0].property, 'name');
    assert.match(failures[0].reason, /exactly one of 'id' and 'name'/);
  });

  it('getVpcEndpointService of a service no one has answers NOT_FOUND with OTC\'s error code', async () => {
    const error = await callExpectingError(provider.client, 'invoke', invokeRequest('otc:vpcep:getVpcEndpointService', { id: randomUUID() }));
    assert.equal(error.code, Status.NOT_FOUND);
    assert.match(error.details, /EndPoint\.0005/);
  });

  it('an unknown function token is INVALID_ARGUMENT naming the functions the provider serves', async () => {
    const error = await callExpectingError(provider.client, 'invoke', invokeRequest('otc:vpcep:getNothing', {}));
    assert.equal(error.code, Status.INVALID_ARGUMENT);
    assert.match(error.details, /otc:vpcep:getPublicServices/);
    assert.match(error.details, /otc:vpcep:getVpcEndpointService/);
  });
});
