// The schema-format parsers (Avro, OpenAPI, Protobuf) the AsyncAPI React component registers with a
// parser it never runs in the portal (documents arrive parsed): nothing to bundle.
const none = () => ({ validate: async () => [], parse: async () => ({}), getMimeTypes: () => [] });
export const AvroSchemaParser = none;
export const OpenAPISchemaParser = none;
export const ProtoBuffSchemaParser = none;
export default none;
