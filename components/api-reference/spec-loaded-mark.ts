/**
 * The User Timing mark set each time Swagger UI is handed a document to parse and resolve (the spec
 * plugin in swagger-plugins.tsx): the browser's performance panel, the bench and the tests read it.
 */
export const SPEC_LOADED_MARK = "wayfinder:swagger-spec-loaded";
