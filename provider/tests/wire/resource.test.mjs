// otc:vpcep:VpcEndpointService over the wire, against a real emulator process: Check, preview, Create, Diff, Delete.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startProvider } from './lib/provider-process.mjs';
import { startEmulator, EMULATOR_ACCOUNT, MODES } from './lib/emulator-process.mjs';
import { handshake } from './lib/session.mjs';
import { configureRequest } from './lib/configure.mjs';
import { call } from './lib/rpc.mjs';
import {
  checkRequest, createRequest, diffRequest, updateRequest, deleteRequest, Kind, DiffChanges,
} from './lib/resource-requests.mjs';
import {
  fromStruct, secret, isSecret, isUnknown, urnOf, UNKNOWN_STRING, UNKNOWN_NUMBER,
} from './lib/values.mjs';

const DESCRIPTION = 'wire conformance service, secret description';
const COMPUTED_OUTPUTS = ['status', 'fullServiceName', 'createdAt', 'updatedAt', 'projectId'];

function programInputs() {
  return {
    portId: randomUUID(),
    vpcId: randomUUID(),
    serverType: 'LB',
    serviceName: 'wire',
    approvalEnabled: false,
    tcpProxy: 'toa_open',
    ports: [{ clientPort: 80, serverPort: 8080, protocol: 'TCP' }],
    description: secret(DESCRIPTION),
  };
}

function failuresOf(response) {
  return response.getFailuresList().map((failure) => failure.toObject());
}

function detailedDiffOf(response) {
  const detailed = {};
  response.getDetaileddiffMap().forEach((propertyDiff, key) => {
    detailed[key] = { kind: propertyDiff.getKind(), inputDiff: propertyDiff.getInputdiff() };
  });
  return detailed;
}

// provider.proto's DiffResponse invariants: every `diffs` key has a detailed path under it and vice versa, no duplicates.
function assertDiffInvariants(response) {
  const diffs = response.getDiffsList();
  const paths = Object.keys(detailedDiffOf(response));
  const topLevel = (pathText) => pathText.split(/[.[]/, 1)[0];
  assert.equal(new Set(diffs).size, diffs.length, `duplicate diffs: ${diffs}`);
  for (const key of diffs) {
    assert.ok(paths.some((pathText) => topLevel(pathText) === key), `diffs has ${key} without a detailedDiff path`);
  }
  for (const pathText of paths) {
    assert.ok(diffs.includes(topLevel(pathText)), `detailedDiff has ${pathText} whose top-level key is not in diffs`);
  }
}

function entriesFor(journal, method, pathPart) {
  return journal.filter((entry) => entry.method === method && entry.path.includes(pathPart));
}

for (const mode of MODES) describe(`otc:vpcep:VpcEndpointService against the ${mode} emulator`, { timeout: 120_000 }, () => {
  let emulator;
  let provider;
  const inputs = programInputs();
  let checkedInputs;
  let created;

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
      version: '0.1.0',
    }));
  });

  after(async () => {
    await provider?.stop();
    await emulator?.stop();
  });

  it('Check (preview) keeps unknowns in nested positions unknown and reports no failure for them', async () => {
    const news = {
      ...inputs,
      portId: UNKNOWN_STRING,
      ports: [{ clientPort: 80, serverPort: UNKNOWN_NUMBER, protocol: 'TCP' }],
      tags: { team: UNKNOWN_STRING, env: 'wire' },
    };
    const response = await call(provider.client, 'check', checkRequest('unknowns', news));
    assert.deepEqual(failuresOf(response), []);
    const checked = fromStruct(response.getInputs());
    assert.ok(isUnknown(checked.portId), `portId: ${JSON.stringify(checked.portId)}`);
    assert.ok(isUnknown(checked.ports[0].serverPort), `ports[0].serverPort: ${JSON.stringify(checked.ports[0].serverPort)}`);
    assert.equal(checked.ports[0].clientPort, 80);
    assert.ok(isUnknown(checked.tags.team), `tags.team: ${JSON.stringify(checked.tags.team)}`);
    assert.equal(checked.tags.env, 'wire');
  });

  it('Check keeps a secret description secret in the checked inputs', async () => {
    const response = await call(provider.client, 'check', checkRequest('svc', inputs));
    assert.deepEqual(failuresOf(response), []);
    checkedInputs = fromStruct(response.getInputs());
    assert.ok(isSecret(checkedInputs.description), `description: ${JSON.stringify(checkedInputs.description)}`);
    assert.equal(checkedInputs.description.value, DESCRIPTION);
    assert.equal(checkedInputs.vpcId, inputs.vpcId);
  });

  it('Create with preview=true makes no API call and leaves computed outputs unknown', async () => {
    assert.ok(checkedInputs, 'needs the checked inputs of the previous test');
    await emulator.clearJournal();
    const response = await call(provider.client, 'create', createRequest('svc', checkedInputs, { preview: true }));
    const journal = await emulator.journal();
    assert.deepEqual(journal, [], `preview called the cloud: ${JSON.stringify(journal)}`);
    const outputs = fromStruct(response.getProperties()) ?? {};
    for (const key of COMPUTED_OUTPUTS) {
      // A missing top-level output means unknown to the engine; a present one must be the sentinel.
      assert.ok(!(key in outputs) || isUnknown(outputs[key]), `${key} is known in preview: ${JSON.stringify(outputs[key])}`);
    }
    assert.equal(outputs.vpcId, inputs.vpcId, 'preview outputs should carry the known inputs');
  });

  it('Create creates the service and returns the description still secret in the outputs', async () => {
    await emulator.clearJournal();
    const response = await call(provider.client, 'create', createRequest('svc', checkedInputs, { preview: false }), 90_000);
    const id = response.getId();
    assert.match(id, /^[0-9a-f-]{36}$/, `id ${JSON.stringify(id)}`);
    const outputs = fromStruct(response.getProperties());
    assert.ok(isSecret(outputs.description), `description output: ${JSON.stringify(outputs.description)}`);
    assert.equal(outputs.description.value, DESCRIPTION);
    assert.equal(outputs.status, 'available');
    assert.equal(outputs.projectId, EMULATOR_ACCOUNT.projectId);
    assert.equal(outputs.serviceName, 'wire');
    for (const [key, value] of Object.entries(outputs)) {
      assert.ok(!isUnknown(value), `output ${key} is unknown outside preview`);
    }
    const journal = await emulator.journal();
    const posts = entriesFor(journal, 'POST', '/vpc-endpoint-services');
    assert.equal(posts.length, 1, `POSTs: ${JSON.stringify(posts)}`);
    assert.ok(posts[0].path.startsWith(`/v1/${EMULATOR_ACCOUNT.projectId}/`), posts[0].path);
    // Progress goes to the engine given on the command line (stdout is hidden from users), attached to the resource.
    await provider.engine.logArrived((entry) => entry.urn === urnOf('svc'));
    for (const entry of provider.engine.logs) {
      assert.ok(!entry.message.includes(DESCRIPTION), `secret description in engine log: ${entry.message}`);
    }
    created = { id, outputs };
  });

  it('Diff with unchanged inputs reports DIFF_NONE', async () => {
    assert.ok(created, 'needs the service of the previous test');
    const response = await call(provider.client, 'diff', diffRequest('svc', created.id, {
      olds: created.outputs, oldInputs: checkedInputs, news: checkedInputs,
    }));
    assert.equal(response.getChanges(), DiffChanges.DIFF_NONE, `diffs: ${response.getDiffsList()}`);
    assert.deepEqual(response.getDiffsList(), []);
  });

  it('Diff ignores secretness: the same description, no longer secret, is no change', async () => {
    assert.ok(created, 'needs the service of the previous test');
    const news = { ...checkedInputs, description: DESCRIPTION };
    const response = await call(provider.client, 'diff', diffRequest('svc', created.id, {
      olds: created.outputs, oldInputs: checkedInputs, news,
    }));
    assert.equal(response.getChanges(), DiffChanges.DIFF_NONE, `diffs: ${response.getDiffsList()}`);
  });

  it('Diff on a ports change reports DIFF_SOME with a detailed UPDATE (in place)', async () => {
    assert.ok(created, 'needs the service of the previous test');
    const news = { ...checkedInputs, ports: [{ clientPort: 80, serverPort: 8081, protocol: 'TCP' }] };
    const response = await call(provider.client, 'diff', diffRequest('svc', created.id, {
      olds: created.outputs, oldInputs: checkedInputs, news,
    }));
    assert.equal(response.getChanges(), DiffChanges.DIFF_SOME);
    assert.equal(response.getHasdetaileddiff(), true, 'hasDetailedDiff');
    const detailed = detailedDiffOf(response);
    const portPaths = Object.keys(detailed).filter((key) => key === 'ports' || key.startsWith('ports[') || key.startsWith('ports.'));
    assert.ok(portPaths.length > 0, `detailedDiff: ${JSON.stringify(detailed)}`);
    for (const key of portPaths) {
      assert.equal(detailed[key].kind, Kind.UPDATE, `${key} kind ${detailed[key].kind}`);
    }
    assert.deepEqual(response.getReplacesList(), []);
    assert.ok(response.getDiffsList().includes('ports'), `diffs: ${response.getDiffsList()}`);
    assertDiffInvariants(response);
  });

  it('Diff on a vpcId change reports DIFF_SOME with a detailed UPDATE_REPLACE', async () => {
    assert.ok(created, 'needs the service of the previous test');
    const news = { ...checkedInputs, vpcId: randomUUID() };
    const response = await call(provider.client, 'diff', diffRequest('svc', created.id, {
      olds: created.outputs, oldInputs: checkedInputs, news,
    }));
    assert.equal(response.getChanges(), DiffChanges.DIFF_SOME);
    assert.equal(response.getHasdetaileddiff(), true, 'hasDetailedDiff');
    const detailed = detailedDiffOf(response);
    assert.ok(detailed.vpcId, `detailedDiff: ${JSON.stringify(detailed)}`);
    assert.equal(detailed.vpcId.kind, Kind.UPDATE_REPLACE);
    assert.ok(response.getReplacesList().includes('vpcId'), `replaces: ${response.getReplacesList()}`);
    assertDiffInvariants(response);
  });

  // The modify page documents defaults for approval_enabled and tcp_proxy; the strict emulator applies them to a PUT
  // that leaves them out, so every PUT carries the program's values.
  it('Update changes the ports in place with one PUT that also carries approval and proxy mode, which the cloud keeps', async () => {
    assert.ok(created, 'needs the service of the previous test');
    const news = { ...checkedInputs, ports: [{ clientPort: 80, serverPort: 8081, protocol: 'TCP' }] };
    await emulator.clearJournal();
    const response = await call(provider.client, 'update', updateRequest('svc', created.id, {
      olds: created.outputs, oldInputs: checkedInputs, news,
    }), 90_000);
    const outputs = fromStruct(response.getProperties());
    const puts = entriesFor(await emulator.journal(), 'PUT', `/vpc-endpoint-services/${created.id}`);
    assert.equal(puts.length, 1, `PUTs: ${JSON.stringify(puts)}`);
    const body = JSON.parse(puts[0].body);
    assert.deepEqual(Object.keys(body).sort(), ['approval_enabled', 'ports', 'tcp_proxy']);
    assert.equal(body.approval_enabled, false);
    assert.equal(body.tcp_proxy, 'toa_open');
    const live = await (await fetch(`${emulator.baseUrl}/v1/${EMULATOR_ACCOUNT.projectId}/vpc-endpoint-services/${created.id}`, {
      headers: { 'X-Auth-Token': 'emulator-static-token' },
    })).json();
    assert.equal(live.approval_enabled, false, 'the cloud kept approval off');
    assert.equal(live.tcp_proxy, 'toa_open', 'the cloud kept the proxy mode');
    assert.equal(outputs.ports[0].serverPort, 8081);
    assert.ok(isSecret(outputs.description), 'the description stays secret');
    created = { id: created.id, outputs };
    checkedInputs = news;
  });

  it('Delete removes the service from the cloud', async () => {
    assert.ok(created, 'needs the service of the previous test');
    await emulator.clearJournal();
    await call(provider.client, 'delete', deleteRequest('svc', created.id, {
      properties: created.outputs, oldInputs: checkedInputs,
    }), 90_000);
    const journal = await emulator.journal();
    const deletes = entriesFor(journal, 'DELETE', `/vpc-endpoint-services/${created.id}`);
    assert.equal(deletes.length, 1, `DELETEs: ${JSON.stringify(deletes)}`);
    const after = await fetch(`${emulator.baseUrl}/v1/${EMULATOR_ACCOUNT.projectId}/vpc-endpoint-services/${created.id}`, {
      headers: { 'X-Auth-Token': 'emulator-static-token' },
    });
    assert.equal(after.status, 404, 'the service still exists after Delete returned');
  });
});
