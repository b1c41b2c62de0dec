// Pulumi's own generated client code, exactly as the npm package ships it. Nothing here is ours.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const grpc = require('@grpc/grpc-js');
export const providerGrpc = require('@pulumi/pulumi/proto/provider_grpc_pb.js');
export const providerPb = require('@pulumi/pulumi/proto/provider_pb.js');
export const pluginPb = require('@pulumi/pulumi/proto/plugin_pb.js');
export const engineGrpc = require('@pulumi/pulumi/proto/engine_grpc_pb.js');
export const enginePb = require('@pulumi/pulumi/proto/engine_pb.js');
export const statusPb = require('@pulumi/pulumi/proto/status_pb.js');
export const structPb = require('google-protobuf/google/protobuf/struct_pb.js');
export const emptyPb = require('google-protobuf/google/protobuf/empty_pb.js');
export const anyPb = require('google-protobuf/google/protobuf/any_pb.js');
