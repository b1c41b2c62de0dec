// The engine's bring-up sequence for one provider process: Handshake, then (optionally) CheckConfig and Configure.
import path from 'node:path';
import { providerPb } from './proto.mjs';
import { call } from './rpc.mjs';

export async function handshake(provider) {
  const request = new providerPb.ProviderHandshakeRequest();
  request.setEngineAddress(provider.engine.address);
  request.setRootDirectory(path.dirname(provider.child.spawnfile));
  request.setProgramDirectory(path.dirname(provider.child.spawnfile));
  request.setConfigureWithUrn(true);
  request.setSupportsViews(true);
  request.setSupportsRefreshBeforeUpdate(true);
  request.setInvokeWithPreview(true);
  return call(provider.client, 'handshake', request);
}
