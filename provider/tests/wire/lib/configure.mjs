// Builds CheckConfig and Configure requests the way the engine does for an explicit provider resource.
import { randomUUID } from 'node:crypto';
import { providerPb } from './proto.mjs';
import { isSecret, toStruct, randomSeed } from './values.mjs';

const PROVIDER_TYPE = 'pulumi:providers:otc';

export function providerUrn(name = 'otc-wire') {
  return `urn:pulumi:wire::conformance::${PROVIDER_TYPE}::${name}`;
}

export function checkConfigRequest(news, olds = {}) {
  const request = new providerPb.CheckRequest();
  request.setUrn(providerUrn());
  request.setName('otc-wire');
  request.setType(PROVIDER_TYPE);
  request.setOlds(toStruct(olds));
  request.setNews(toStruct(news));
  request.setRandomseed(randomSeed());
  return request;
}

// The deprecated `variables` map: `otc:config:<key>`, secrets unwrapped, non-strings JSON-encoded, no `version`.
function variablesOf(args) {
  const variables = {};
  for (const [key, raw] of Object.entries(args)) {
    if (key === 'version') {
      continue;
    }
    const value = isSecret(raw) ? raw.value : raw;
    variables[`otc:config:${key}`] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return variables;
}

export function configureRequest(args) {
  const request = new providerPb.ConfigureRequest();
  request.setArgs(toStruct(args));
  const variables = request.getVariablesMap();
  for (const [key, value] of Object.entries(variablesOf(args))) {
    variables.set(key, value);
  }
  request.setAcceptsecrets(true);
  request.setAcceptresources(true);
  request.setSendsOldInputs(true);
  request.setSendsOldInputsToDelete(true);
  request.setId(randomUUID());
  request.setUrn(providerUrn());
  request.setName('otc-wire');
  request.setType(PROVIDER_TYPE);
  return request;
}
