import type { Thing, WithContext } from "schema-dts";

/**
 * Structured data as a JSON block. "<" is escaped so no value can close the element, whatever
 * an author typed; the block is data (never executed), which the CSP's script ban allows.
 */
export function serializeJsonLd(data: WithContext<Thing>): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function JsonLd({ data }: { data: WithContext<Thing> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
