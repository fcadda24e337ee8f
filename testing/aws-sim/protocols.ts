// Serializers for each AWS wire protocol: success bodies and errors in the shape the SDK parses.
import type { Protocol, SimError, SimResponse } from "./service.js";
import { escapeXml, xmlChildren, xmlDeclaration } from "./xml.js";
import type { XmlValue } from "./xml.js";

const xmlHeaders = { "content-type": "text/xml" };

/** awsQuery (IAM, STS): <{Op}Response><{Op}Result>…</{Op}Result><ResponseMetadata/></{Op}Response>, lists as <member>. */
export function querySuccess(operation: string, namespace: string, result: { [key: string]: XmlValue }, requestId: string): SimResponse {
  const body =
    `${xmlDeclaration}<${operation}Response xmlns="${namespace}"><${operation}Result>${xmlChildren(result)}</${operation}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
  return { status: 200, headers: xmlHeaders, body };
}

/** ec2Query (EC2): <{Op}Response><requestId/>…</{Op}Response>, lists as <item>. */
export function ec2Success(operation: string, result: { [key: string]: XmlValue }, requestId: string): SimResponse {
  const body =
    `${xmlDeclaration}<${operation}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">` +
    `<requestId>${requestId}</requestId>${xmlChildren(result, "item")}</${operation}Response>`;
  return { status: 200, headers: xmlHeaders, body };
}

/** awsJson1_0 / awsJson1_1: the output object as JSON (timestamps as epoch seconds, see epochSeconds). */
export function jsonSuccess(protocol: "awsJson1_0" | "awsJson1_1", output: unknown): SimResponse {
  return { status: 200, headers: { "content-type": `application/x-amz-json-${protocol === "awsJson1_0" ? "1.0" : "1.1"}` }, body: JSON.stringify(output) };
}

/** restJson1: the output as JSON with the operation's HTTP status. */
export function restJsonSuccess(output: unknown, status = 200): SimResponse {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(output) };
}

/** restXml (S3): a root element named by the operation's output shape; lists flattened or wrapped as the caller builds them. */
export function restXmlSuccess(root: string, result: { [key: string]: XmlValue }, namespace = "http://s3.amazonaws.com/doc/2006-03-01/"): SimResponse {
  return { status: 200, headers: xmlHeaders, body: `${xmlDeclaration}<${root} xmlns="${namespace}">${xmlChildren(result)}</${root}>` };
}

/** Timestamps in awsJson and restJson1 bodies are epoch seconds. */
export function epochSeconds(iso: string | Date): number {
  return (iso instanceof Date ? iso.getTime() : Date.parse(iso)) / 1000;
}

export function renderError(protocol: Protocol, error: SimError, requestId: string): SimResponse {
  const code = escapeXml(error.code);
  const message = escapeXml(error.message);
  const headers = { "x-amzn-requestid": requestId };
  switch (protocol) {
    case "awsQuery":
      return {
        status: error.status,
        headers: { ...headers, ...xmlHeaders },
        body: `${xmlDeclaration}<ErrorResponse><Error><Type>${error.fault}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    case "ec2Query":
      return {
        status: error.status,
        headers: { ...headers, ...xmlHeaders },
        body: `${xmlDeclaration}<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      };
    case "restXml":
      return {
        status: error.status,
        headers: { ...headers, ...xmlHeaders, "x-amz-request-id": requestId },
        body: `${xmlDeclaration}<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId></Error>`,
      };
    case "awsJson1_0":
    case "awsJson1_1":
      return {
        status: error.status,
        headers: { ...headers, "x-amzn-errortype": error.code, "content-type": `application/x-amz-json-${protocol === "awsJson1_0" ? "1.0" : "1.1"}` },
        body: JSON.stringify({ __type: error.code, message: error.message }),
      };
    case "restJson1":
      return {
        status: error.status,
        headers: { ...headers, "x-amzn-errortype": error.code, "content-type": "application/json" },
        body: JSON.stringify({ message: error.message }),
      };
  }
}
