import { describe, expect, it } from "vitest";
import { classifyError, describeError } from "./snapshot.js";

describe("classifying AWS errors", () => {
  it("an SCP or policy denial is access denied", () => {
    expect(classifyError("AccessDeniedException", "User is not authorized", "us-east-1")).toBe("access-denied");
    expect(classifyError("UnauthorizedOperation", "You are not authorized", "eu-west-1")).toBe("access-denied");
  });

  it("an invalid token in a regional call means the opt-in region is disabled", () => {
    expect(classifyError("AuthFailure", "AWS was not able to validate the provided access credentials", "eu-south-2")).toBe("region-disabled");
    expect(classifyError("InvalidClientTokenId", "The security token included in the request is invalid", "global")).toBe("error");
  });

  it("a service the account has not turned on is not enabled", () => {
    expect(classifyError("InvalidAccessException", "Account is not subscribed to AWS Security Hub", "us-east-1")).toBe("not-enabled");
    expect(classifyError("AccessDeniedException", "Macie is not enabled", "us-east-1")).toBe("not-enabled");
  });

  it("throttling left after the retries, missing configuration and the rest", () => {
    expect(classifyError("ThrottlingException", "Rate exceeded", "us-east-1")).toBe("retries-exhausted");
    expect(classifyError("NoSuchEntityException", "The Password Policy cannot be found", "global")).toBe("absent");
    expect(classifyError("InternalError", "We encountered an internal error", "us-east-1")).toBe("error");
  });

  it("reads the code, message and attempts of an SDK error", () => {
    const error = Object.assign(new Error("Rate exceeded"), { name: "Throttling", $metadata: { attempts: 8 } });
    expect(describeError(error)).toEqual({ code: "Throttling", message: "Rate exceeded", attempts: 8 });
    expect(describeError("boom")).toEqual({ code: "Unknown", message: "boom", attempts: 1 });
  });
});
