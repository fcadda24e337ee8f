// Reading request parameters in handlers: typed getters over SimRequest.params and the
// awsQuery/ec2Query list encodings (Name.member.1, Name.1).
import { SimError } from "./service.js";

export function stringParam(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

export function requiredString(params: Record<string, unknown>, name: string, code = "ValidationError"): string {
  const value = stringParam(params, name);
  if (value === undefined || value === "") throw new SimError(code, `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`, 400);
  return value;
}

export function numberParam(params: Record<string, unknown>, name: string): number | undefined {
  const value = params[name];
  if (typeof value === "number") return value;
  if (typeof value === "string" && value !== "" && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

export function booleanParam(params: Record<string, unknown>, name: string): boolean | undefined {
  const value = params[name];
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

/** JSON protocols: a list of strings (absent → []). */
export function stringList(params: Record<string, unknown>, name: string): string[] {
  const value = params[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** awsQuery lists: Name.member.1, Name.member.2… (ec2Query: Name.1, Name.2… with member = false). */
export function queryList(params: Record<string, unknown>, name: string, member = true): string[] {
  const out: string[] = [];
  for (let i = 1; ; i++) {
    const value = stringParam(params, member ? `${name}.member.${i}` : `${name}.${i}`);
    if (value === undefined) return out;
    out.push(value);
  }
}
