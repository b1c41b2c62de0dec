// A pulumirpc.Engine served with grpc-js, as the Pulumi CLI serves it to its plugins: it records Log messages.
import { grpc, engineGrpc, emptyPb } from './proto.mjs';

function unimplemented(_call, callback) {
  callback({ code: grpc.status.UNIMPLEMENTED, details: 'not served by the wire-conformance engine' });
}

export async function startFakeEngine() {
  const logs = [];
  const server = new grpc.Server();
  const handlers = {};
  for (const name of Object.keys(engineGrpc.EngineService)) {
    handlers[name] = unimplemented;
  }
  handlers.log = (call, callback) => {
    const request = call.request;
    logs.push({ severity: request.getSeverity(), message: request.getMessage(), urn: request.getUrn() });
    callback(null, new emptyPb.Empty());
  };
  server.addService(engineGrpc.EngineService, handlers);
  const port = await new Promise((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, boundPort) => {
      if (error) {
        reject(error);
      } else {
        resolve(boundPort);
      }
    });
  });
  return {
    address: `127.0.0.1:${port}`,
    logs,
    stop: () => new Promise((resolve) => server.tryShutdown(() => resolve())),
  };
}
