// A small XML writer for AWS responses: JS objects become elements, arrays become lists of
// <member> (awsQuery) or <item> (ec2Query) unless an XmlList names its own item element.
export type XmlValue = string | number | boolean | Date | null | undefined | XmlList | XmlValue[] | { [key: string]: XmlValue };

/** A list whose items have their own element name (e.g. "entry" for maps), or are flattened when itemName is null. */
export class XmlList {
  constructor(
    readonly items: XmlValue[],
    readonly itemName: string | null,
  ) {}
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function scalar(value: string | number | boolean | Date): string {
  return escapeXml(value instanceof Date ? value.toISOString() : String(value));
}

/** Renders `<name>value</name>`; `listItem` is the element name of array members. */
export function xmlElement(name: string, value: XmlValue, listItem = "member"): string {
  if (value === undefined || value === null) return "";
  if (value instanceof XmlList) {
    if (value.itemName === null) return value.items.map((item) => xmlElement(name, item, listItem)).join("");
    return `<${name}>${value.items.map((item) => xmlElement(value.itemName ?? listItem, item, listItem)).join("")}</${name}>`;
  }
  if (Array.isArray(value)) return `<${name}>${value.map((item) => xmlElement(listItem, item, listItem)).join("")}</${name}>`;
  if (typeof value === "object" && !(value instanceof Date)) return `<${name}>${xmlChildren(value, listItem)}</${name}>`;
  return `<${name}>${scalar(value)}</${name}>`;
}

export function xmlChildren(value: { [key: string]: XmlValue }, listItem = "member"): string {
  return Object.entries(value).map(([key, child]) => xmlElement(key, child, listItem)).join("");
}

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>';
