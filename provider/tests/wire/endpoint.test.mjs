// otc:vpcep:VpcEndpoint and otc:vpcep:VpcEndpointApproval over the wire, against a real emulator process: a service
// with approval on, an endpoint that waits in pendingAcceptance, the approval that accepts it, Diff kinds (tags in
// place, every other endpoint input replaces), a gateway endpoint's policy (the documented body, order-insensitive
// diff, replace on change), and deletes in dependency order.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startProvider } from './lib/provider-process.mjs';
import { startEmulator, EMULATOR_ACCOUNT, MODES } from './lib/emulator-process.mjs';
import { handshake } from './lib/session.mjs';
import { configureRequest } from './lib/configure.mjs';
import { call } from './lib/rpc.mjs';
import { checkRequest, createRequest, diffRequest, deleteRequest, Kind, DiffChanges } from './lib/resource-requests.mjs';
import { fromStruct, secret, isUnknown } from './lib/values.mjs';

const ENDPOINT = 'otc:vpcep:VpcEndpoint';
const APPROVAL = 'otc:vpcep:VpcEndpointApproval';
// The emulator's public OBS gateway service.
const OBS_GATEWAY = '3f2c5b0e-1a4d-4c1e-9a51-6d0e3b1f0a01';

for (const mode of MODES) describe(`otc:vpcep:VpcEndpoint and VpcEndpointApproval against the ${mode} emulator`, { timeout: 120_000 }, () => {
  let emulator;
  let provider;
  const created = {};

  async function up(name, type, news) {
    const checked = await call(provider.client, 'check', checkRequest(name, news, {}, type));
    assert.deepEqual(checked.getFailuresList().map((failure) => failure.toObject()), []);
    const inputs = fromStruct(checked.getInputs());
    const response = await call(provider.client, 'create', createRequest(name, inputs, { preview: false, type }), 90_000);
    created[name] = { id: response.getId(), type, inputs, outputs: fromStruct(response.getProperties()) };
    return created[name];
  }

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
    await up('svc', 'otc:vpcep:VpcEndpointService', {
      portId: randomUUID(), vpcId: randomUUID(), serverType: 'LB', ports: [{ clientPort: 80, serverPort: 8080 }],
    });
  });

  after(async () => {
    for (const name of ['approval', 'endpoint', 'gateway', 'svc']) {
      const resource = created[name];
      if (resource) {
        await call(provider.client, 'delete', deleteRequest(name, resource.id, { properties: resource.outputs, oldInputs: resource.inputs, type: resource.type }), 90_000);
      }
    }
    await provider?.stop();
    await emulator?.stop();
  });

  it('Check fills in the defaults and Create preview leaves what only the cloud knows unknown', async () => {
    const news = { serviceId: created.svc.id, vpcId: 'vpc-wire', subnetId: 'subnet-wire' };
    const checked = fromStruct((await call(provider.client, 'check', checkRequest('endpoint', news, {}, ENDPOINT))).getInputs());
    assert.equal(checked.enableDns, false);
    assert.equal(checked.enableWhitelist, false);
    await emulator.clearJournal();
    const preview = fromStruct((await call(provider.client, 'create', createRequest('endpoint', checked, { preview: true, type: ENDPOINT }))).getProperties()) ?? {};
    assert.deepEqual(await emulator.journal(), [], 'preview calls nothing');
    for (const key of ['status', 'ip', 'markerId', 'serviceName']) {
      assert.ok(!(key in preview) || isUnknown(preview[key]), `${key} is known in preview`);
    }
  });

  it('Create returns at pendingAcceptance and says the endpoint waits for the owner', async () => {
    const endpoint = await up('endpoint', ENDPOINT, { serviceId: created.svc.id, vpcId: 'vpc-wire', subnetId: 'subnet-wire', tags: { env: 'wire' } });
    assert.equal(endpoint.outputs.status, 'pendingAcceptance');
    assert.equal(endpoint.outputs.serviceName, created.svc.outputs.fullServiceName);
    await provider.engine.logArrived((entry) => entry.message.includes('waits for the owner'));
  });

  it('Diff: a tag change is an UPDATE, a vpcId change an UPDATE_REPLACE', async () => {
    const endpoint = created.endpoint;
    const tags = await call(provider.client, 'diff', diffRequest('endpoint', endpoint.id, {
      olds: endpoint.outputs, oldInputs: endpoint.inputs, news: { ...endpoint.inputs, tags: { env: 'prod' } }, type: ENDPOINT,
    }));
    assert.equal(tags.getChanges(), DiffChanges.DIFF_SOME);
    assert.deepEqual(tags.getReplacesList(), []);
    assert.equal(tags.getDetaileddiffMap().get('tags.env').getKind(), Kind.UPDATE);
    const vpc = await call(provider.client, 'diff', diffRequest('endpoint', endpoint.id, {
      olds: endpoint.outputs, oldInputs: endpoint.inputs, news: { ...endpoint.inputs, vpcId: 'vpc-other' }, type: ENDPOINT,
    }));
    assert.deepEqual(vpc.getReplacesList(), ['vpcId']);
    assert.equal(vpc.getDetaileddiffMap().get('vpcId').getKind(), Kind.UPDATE_REPLACE);
  });

  it('the approval accepts the endpoint with one receive call, and reports the connection', async () => {
    await emulator.clearJournal();
    const approval = await up('approval', APPROVAL, { serviceId: created.svc.id, endpointIds: [created.endpoint.id] });
    assert.equal(approval.id, created.svc.id);
    assert.deepEqual(approval.outputs.endpointIds, [created.endpoint.id]);
    assert.equal(approval.outputs.connections.length, 1);
    assert.equal(approval.outputs.connections[0].endpointId, created.endpoint.id);
    assert.equal(approval.outputs.connections[0].status, 'accepted');
    const actions = (await emulator.journal()).filter((entry) => entry.path.endsWith('/connections/action'));
    assert.deepEqual(actions.map((entry) => JSON.parse(entry.body)), [{ action: 'receive', endpoints: [created.endpoint.id] }]);
  });

  it('a gateway endpoint sends policyStatements as the documented policy_statement, and only a changed statement replaces it', async () => {
    const policyStatements = [
      { effect: 'Allow', actions: ['obs:object:GetObject', 'obs:object:PutObject'], resources: ['obs:*:*:object:wire-bucket/*'] },
      { effect: 'Deny', actions: ['obs:bucket:DeleteBucket'], resources: ['obs:*:*:bucket:wire-bucket'] },
    ];
    await emulator.clearJournal();
    const gateway = await up('gateway', ENDPOINT, { serviceId: OBS_GATEWAY, vpcId: 'vpc-wire', policyStatements });
    const post = (await emulator.journal()).find((entry) => entry.method === 'POST' && entry.path.endsWith('/vpc-endpoints'));
    assert.deepEqual(JSON.parse(post.body).policy_statement, [
      { Effect: 'Allow', Action: ['obs:object:GetObject', 'obs:object:PutObject'], Resource: ['obs:*:*:object:wire-bucket/*'] },
      { Effect: 'Deny', Action: ['obs:bucket:DeleteBucket'], Resource: ['obs:*:*:bucket:wire-bucket'] },
    ]);
    assert.deepEqual(gateway.outputs.policyStatements, policyStatements);
    const reordered = await call(provider.client, 'diff', diffRequest('gateway', gateway.id, {
      olds: gateway.outputs, oldInputs: gateway.inputs, news: { ...gateway.inputs, policyStatements: [...policyStatements].reverse() }, type: ENDPOINT,
    }));
    assert.equal(reordered.getChanges(), DiffChanges.DIFF_NONE);
    const changed = await call(provider.client, 'diff', diffRequest('gateway', gateway.id, {
      olds: gateway.outputs, oldInputs: gateway.inputs,
      news: { ...gateway.inputs, policyStatements: [{ ...policyStatements[0], resources: ['obs:*:*:object:other-bucket/*'] }, policyStatements[1]] }, type: ENDPOINT,
    }));
    assert.deepEqual(changed.getReplacesList(), ['policyStatements']);
    assert.equal(changed.getDetaileddiffMap().get('policyStatements').getKind(), Kind.UPDATE_REPLACE);
  });
});
