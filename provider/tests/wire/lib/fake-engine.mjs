// A pulumirpc.Engine served with grpc-js, as the Pulumi CLI serves it to its plugins: it records Log messages.
import { grpc, engineGrpc, emptyPb } from './proto.mjs';

function unimplemented(_call, callback) {
  callback({ code: grpc.status.UNIMPLEMENTED, details: 'not served by the wire-conformance engine' });
}

export async function startFakeEngine() {
  const logs = [];
  const waiters = new Set();
  const server = new grpc.Server();
  const handlers = {};
  for (const name of Object.keys(engineGrpc.EngineService)) {
    handlers[name] = unimplemented;
  }
  handlers.log = (call, callback) => {
    const request = call.request;
    const entry = { severity: request.getSeverity(), message: request.getMessage(), urn: request.getUrn() };
    logs.push(entry);
    for (const waiter of waiters) {
      waiter(entry);
    }
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
  // Status lines are sent while an operation runs and may still be on their way when it answers: wait for them.
  const logArrived = (predicate, timeoutMs = 10_000) => new Promise((resolve, reject) => {
    const found = logs.find(predicate);
    if (found) {
      resolve(found);
      return;
    }
    const timer = setTimeout(() => {
      waiters.delete(waiter);
      reject(new Error(`no such log within ${timeoutMs} ms; engine logs: ${JSON.stringify(logs)}`));
    }, timeoutMs);
    const waiter = (entry) => {
      if (predicate(entry)) {
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve(entry);
      }
    };
    waiters.add(waiter);
  });
  return {
    address: `127.0.0.1:${port}`,
    logs,
    logArrived,
    stop: () => new Promise((resolve) => server.tryShutdown(() => resolve())),
  };
}
