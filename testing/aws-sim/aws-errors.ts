// The errors AWS answers before a request reaches the service (credentials, SCPs, throttling,
// server faults), with the codes and statuses each protocol uses.
import type { Protocol } from "./service.js";
import { SimError } from "./service.js";

const json = (p: Protocol): boolean => p === "awsJson1_0" || p === "awsJson1_1" || p === "restJson1";

/** An unknown access key, or a region the account has not opted in to (AWS answers both alike). */
export function invalidToken(protocol: Protocol): SimError {
  if (protocol === "ec2Query") return new SimError("AuthFailure", "AWS was not able to validate the provided access credentials", 401);
  if (protocol === "restXml") return new SimError("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403);
  if (protocol === "awsQuery") return new SimError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
  return new SimError("UnrecognizedClientException", "The security token included in the request is invalid.", protocol === "restJson1" ? 403 : 400);
}

export function accessDenied(protocol: Protocol, message: string): SimError {
  if (protocol === "ec2Query") return new SimError("UnauthorizedOperation", message, 403);
  if (json(protocol)) return new SimError("AccessDeniedException", message, protocol === "restJson1" ? 403 : 400);
  return new SimError("AccessDenied", message, 403);
}

export function throttled(protocol: Protocol): SimError {
  if (protocol === "ec2Query") return new SimError("RequestLimitExceeded", "Request limit exceeded.", 503);
  if (protocol === "restXml") return new SimError("SlowDown", "Please reduce your request rate.", 503);
  if (protocol === "awsQuery") return new SimError("Throttling", "Rate exceeded", 400);
  return new SimError("ThrottlingException", "Rate exceeded", protocol === "restJson1" ? 429 : 400);
}

export function serverFault(protocol: Protocol): SimError {
  if (protocol === "ec2Query") return new SimError("InternalError", "An internal error has occurred", 500);
  if (protocol === "restXml") return new SimError("InternalError", "We encountered an internal error. Please try again.", 500);
  if (protocol === "awsQuery") return new SimError("ServiceUnavailable", "Service is unavailable. Please try again.", 503);
  return new SimError("InternalServerException", "An internal error has occurred", 500);
}

export function unknownOperation(protocol: Protocol, service: string, operation: string): SimError {
  const what = `The simulated ${service} does not implement ${operation || "this request"}`;
  if (protocol === "awsQuery" || protocol === "ec2Query") return new SimError("InvalidAction", what, 400);
  if (protocol === "restXml") return new SimError("NotImplemented", what, 501);
  return new SimError("UnknownOperationException", what, 400);
}
