// The ESM build's entry without its own declaration: the package's types for the same module.
declare module "@asyncapi/react-component/lib/esm/without-parser" {
  export { default } from "@asyncapi/react-component/lib/types/without-parser";
}
