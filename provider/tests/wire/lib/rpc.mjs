// Promise wrappers over the generated callback client, plus decoding of rich gRPC error details.
import { grpc, statusPb, providerPb, emptyPb } from './proto.mjs';

const STATUS_DETAILS_TRAILER = 'grpc-status-details-bin';

// The deadline only guards against a hang (the engine sets none); on a 2-core machine under heavy load a 6 MB
// message alone has taken 30 s to get through the client, so it is generous.
export function call(client, method, request, timeoutMs = 120_000) {
  const deadline = new Date(Date.now() + timeoutMs);
  return new Promise((resolve, reject) => {
    client[method](request, new grpc.Metadata(), { deadline }, (error, response) => {
      if (error) {
        reject(error);
      } else {
        resolve(response);
      }
    });
  });
}

export function empty() {
  return new emptyPb.Empty();
}

/** Calls and expects a gRPC error; resolves with it (a success is a test failure). */
export async function callExpectingError(client, method, request) {
  try {
    const response = await call(client, method, request);
    throw new Error(`${method} succeeded but an error was expected: ${JSON.stringify(response.toObject())}`);
  } catch (error) {
    if (error.code === undefined) {
      throw error;
    }
    return error;
  }
}

/** The google.rpc.Status carried in the error's trailer, or undefined when there is none. */
export function statusDetails(error) {
  const values = error.metadata ? error.metadata.get(STATUS_DETAILS_TRAILER) : [];
  if (values.length === 0) {
    return undefined;
  }
  return statusPb.Status.deserializeBinary(new Uint8Array(values[0]));
}

/** Unpacks every detail of the given pulumirpc message type (e.g. 'ConfigureErrorMissingKeys'). */
export function detailsOfType(status, messageName) {
  const typeName = `pulumirpc.${messageName}`;
  const type = providerPb[messageName];
  return status.getDetailsList()
    .filter((any) => any.getTypeName() === typeName)
    .map((any) => any.unpack(type.deserializeBinary, typeName));
}

export const Status = grpc.status;
