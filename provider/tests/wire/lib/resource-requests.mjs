// Resource RPC requests, shaped as the engine sends them; the type is otc:vpcep:VpcEndpointService unless given.
import { providerPb } from './proto.mjs';
import { RESOURCE_TYPE, toStruct, urnOf, randomSeed } from './values.mjs';

export function checkRequest(name, news, olds = {}, type = RESOURCE_TYPE) {
  const request = new providerPb.CheckRequest();
  request.setUrn(urnOf(name, type));
  request.setName(name);
  request.setType(type);
  request.setOlds(toStruct(olds));
  request.setNews(toStruct(news));
  request.setRandomseed(randomSeed());
  return request;
}

export function createRequest(name, properties, { preview, type = RESOURCE_TYPE }) {
  const request = new providerPb.CreateRequest();
  request.setUrn(urnOf(name, type));
  request.setName(name);
  request.setType(type);
  request.setProperties(toStruct(properties));
  request.setTimeout(0);
  request.setPreview(preview);
  return request;
}

export function diffRequest(name, id, { olds, oldInputs, news, type = RESOURCE_TYPE }) {
  const request = new providerPb.DiffRequest();
  request.setId(id);
  request.setUrn(urnOf(name, type));
  request.setName(name);
  request.setType(type);
  request.setOlds(toStruct(olds));
  request.setOldInputs(toStruct(oldInputs));
  request.setNews(toStruct(news));
  return request;
}

export function updateRequest(name, id, { olds, oldInputs, news, preview = false, type = RESOURCE_TYPE }) {
  const request = new providerPb.UpdateRequest();
  request.setId(id);
  request.setUrn(urnOf(name, type));
  request.setName(name);
  request.setType(type);
  request.setOlds(toStruct(olds));
  request.setOldInputs(toStruct(oldInputs));
  request.setNews(toStruct(news));
  request.setTimeout(0);
  request.setPreview(preview);
  return request;
}

export function deleteRequest(name, id, { properties, oldInputs, type = RESOURCE_TYPE }) {
  const request = new providerPb.DeleteRequest();
  request.setId(id);
  request.setUrn(urnOf(name, type));
  request.setName(name);
  request.setType(type);
  request.setProperties(toStruct(properties));
  request.setOldInputs(toStruct(oldInputs));
  request.setTimeout(0);
  return request;
}

export const Kind = providerPb.PropertyDiff.Kind;
export const DiffChanges = providerPb.DiffResponse.DiffChanges;
