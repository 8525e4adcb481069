"use client";

// Loaded with the component only (asyncapi-view.tsx imports this dynamically): its stylesheet, scoped
// under `.aui-root`, reaches no page that does not open the AsyncAPI view.
import "@asyncapi/react-component/styles/default.min.css";

export { default } from "@asyncapi/react-component/lib/esm/without-parser";
