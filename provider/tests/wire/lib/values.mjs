// The property-value encoding of the protocol (sig objects and unknown sentinels) on top of google.protobuf.Struct.
import { randomBytes } from 'node:crypto';
import { structPb } from './proto.mjs';

export const SIG_KEY = '4dabf18193072939515e22adb298388d';
export const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';
export const UNKNOWN_STRING = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
export const UNKNOWN_NUMBER = '3eeb2bf0-c639-47a8-9e75-3b44932eb421';
export const UNKNOWN_BOOL = '1c4a061d-8072-4f0a-a4cb-0ff528b18fe7';
export const UNKNOWN_ARRAY = '6a19a0b0-7e62-4c92-b797-7f8e31da9cc2';
export const UNKNOWN_OBJECT = 'dd056dcd-154b-4c76-9bd3-c8f88648b5ff';
export const ALL_UNKNOWNS = new Set([
  UNKNOWN_STRING, UNKNOWN_NUMBER, UNKNOWN_BOOL, UNKNOWN_ARRAY, UNKNOWN_OBJECT,
  '030794c1-ac77-496b-92df-f27374a8bd58', 'e48ece36-62e2-4504-bad9-02848725956a',
]);

export const RESOURCE_TYPE = 'otc:vpcep:VpcEndpointService';

export function secret(value) {
  return { [SIG_KEY]: SECRET_SIG, value };
}

export function isSecret(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && value[SIG_KEY] === SECRET_SIG;
}

export function isUnknown(value) {
  return typeof value === 'string' && ALL_UNKNOWNS.has(value);
}

export function toStruct(object) {
  return structPb.Struct.fromJavaScript(object);
}

export function fromStruct(struct) {
  return struct ? struct.toJavaScript() : undefined;
}

export function urnOf(name, type = RESOURCE_TYPE) {
  return `urn:pulumi:wire::conformance::${type}::${name}`;
}

export function randomSeed() {
  return randomBytes(32);
}
