// The provider's functions (the Invoke RPC) through Pulumi's own generated client, against a real emulator process:
// otc:vpcep:getPublicServices and otc:vpcep:getVpcEndpointService, including the failures an invoke reports; and the
// list and quota lookups (getVpcEndpointServices, getVpcEndpoints, getVpcEndpointServiceConnections, getQuotas) against
// both readings of the API reference, with one-item pages so that every list takes several.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startProvider } from './lib/provider-process.mjs';
import { startEmulator, EMULATOR_ACCOUNT, MODES } from './lib/emulator-process.mjs';
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

for (const mode of MODES) describe(`list and quota functions against the ${mode} emulator, one item per page`, { timeout: 120_000 }, () => {
  const SERVICE = 'otc:vpcep:VpcEndpointService';
  const ENDPOINT = 'otc:vpcep:VpcEndpoint';
  let emulator;
  let provider;
  const created = [];

  async function up(name, type, news) {
    const checked = await call(provider.client, 'check', checkRequest(name, news, {}, type));
    assert.deepEqual(failuresOf(checked), []);
    const inputs = fromStruct(checked.getInputs());
    const response = await call(provider.client, 'create', createRequest(name, inputs, { preview: false, type }), 90_000);
    const resource = { name, id: response.getId(), type, inputs, outputs: fromStruct(response.getProperties()) };
    created.push(resource);
    return resource;
  }

  async function invoke(token, args) {
    const response = await call(provider.client, 'invoke', invokeRequest(token, args));
    return { result: fromStruct(response.getReturn()), failures: failuresOf(response) };
  }

  async function pagesOf(pathEnd) {
    return (await emulator.journal()).filter((entry) => entry.method === 'GET' && entry.path.endsWith(pathEnd));
  }

  let services;
  let endpoints;

  before(async () => {
    emulator = await startEmulator({ strict: mode === 'strict' });
    provider = await startProvider();
    await handshake(provider);
    await call(provider.client, 'configure', configureRequest({
      region: EMULATOR_ACCOUNT.region,
      projectId: EMULATOR_ACCOUNT.projectId,
      accessKey: EMULATOR_ACCOUNT.accessKey,
      secretKey: secret(EMULATOR_ACCOUNT.secretKey),
      vpcepEndpoint: emulator.baseUrl,
    }));
    services = await Promise.all(['alpha', 'beta', 'gamma'].map((name) => up(name, SERVICE, {
      portId: randomUUID(), vpcId: randomUUID(), serverType: 'VM', serviceName: name, ports: [{ clientPort: 80, serverPort: 8080 }],
    })));
    endpoints = await Promise.all(['one', 'two'].map((name) => up(`endpoint-${name}`, ENDPOINT, {
      serviceId: services[0].id, vpcId: `vpc-${name}`, subnetId: 'subnet-wire',
    })));
    await emulator.settings({ pageCap: 1 });
    await emulator.clearJournal();
  });

  after(async () => {
    await emulator?.settings({ pageCap: 0 });
    for (const resource of created.reverse()) {
      await call(provider.client, 'delete', deleteRequest(resource.name, resource.id, { properties: resource.outputs, oldInputs: resource.inputs, type: resource.type }), 90_000);
    }
    await provider?.stop();
    await emulator?.stop();
  });

  it('getVpcEndpointServices returns every service over as many pages, and filters by status', async () => {
    await emulator.clearJournal();
    const { result, failures } = await invoke('otc:vpcep:getVpcEndpointServices', {});
    assert.deepEqual(failures, []);
    assert.deepEqual(result.services.map((entry) => entry.id).sort(), services.map((service) => service.id).sort());
    assert.equal((await pagesOf('/vpc-endpoint-services')).length, 3);
    const alpha = result.services.find((entry) => entry.id === services[0].id);
    assert.equal(alpha.fullServiceName, services[0].outputs.fullServiceName);
    assert.equal(alpha.connectionCount, 0, 'both endpoints wait for approval');

    const filtered = await invoke('otc:vpcep:getVpcEndpointServices', { status: 'FAILED' });
    assert.deepEqual(filtered.result.services, []);
    assert.equal(filtered.result.status, 'failed');
  });

  it('getVpcEndpoints returns every endpoint and filters by VPC', async () => {
    const { result } = await invoke('otc:vpcep:getVpcEndpoints', {});
    assert.deepEqual(result.endpoints.map((entry) => entry.id).sort(), endpoints.map((endpoint) => endpoint.id).sort());
    const inOne = await invoke('otc:vpcep:getVpcEndpoints', { vpcId: 'vpc-one' });
    assert.deepEqual(inOne.result.endpoints.map((entry) => entry.id), [endpoints[0].id]);
    assert.equal(inOne.result.endpoints[0].status, 'pendingAcceptance');
    assert.equal(inOne.result.endpoints[0].markerId, endpoints[0].outputs.markerId);
  });

  it('getVpcEndpointServiceConnections returns every connection of the service, with exact marker ids', async () => {
    await emulator.clearJournal();
    const { result, failures } = await invoke('otc:vpcep:getVpcEndpointServiceConnections', { serviceId: services[0].id, status: 'pendingAcceptance' });
    assert.deepEqual(failures, []);
    assert.deepEqual(result.connections.map((entry) => entry.endpointId).sort(), endpoints.map((endpoint) => endpoint.id).sort());
    assert.deepEqual(result.connections.map((entry) => entry.markerId).sort(), endpoints.map((endpoint) => endpoint.outputs.markerId).sort());
    assert.equal((await pagesOf(`/vpc-endpoint-services/${services[0].id}/connections`)).length, 2);
  });

  it('getQuotas answers what each type uses and allows', async () => {
    const { result } = await invoke('otc:vpcep:getQuotas', {});
    const byType = Object.fromEntries(result.quotas.map((quota) => [quota.type, quota]));
    assert.deepEqual(Object.keys(byType).sort(), ['endpoint', 'endpoint_service']);
    assert.equal(byType.endpoint_service.used, 3);
    assert.equal(byType.endpoint.used, 2);
    assert.ok(byType.endpoint.quota >= 2);
  });

  it('arguments the API cannot use are failures naming the argument, and nothing is asked of the cloud', async () => {
    await emulator.clearJournal();
    const status = await invoke('otc:vpcep:getVpcEndpointServiceConnections', { serviceId: services[0].id, status: 'deleting' });
    const missing = await invoke('otc:vpcep:getVpcEndpointServiceConnections', {});
    const type = await invoke('otc:vpcep:getQuotas', { type: 'services' });
    assert.deepEqual(status.failures.map((failure) => failure.property), ['status']);
    assert.match(status.failures[0].reason, /pendingAcceptance, accepted, rejected, failed/);
    assert.deepEqual(missing.failures.map((failure) => failure.property), ['serviceId']);
    assert.deepEqual(type.failures.map((failure) => failure.property), ['type']);
    assert.deepEqual(await emulator.journal(), []);
  });
});
