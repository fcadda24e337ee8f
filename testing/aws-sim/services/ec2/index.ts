// The simulated EC2 (ec2Query protocol): the read operations of describe.ts, per account and
// region; any other Action is EC2's InvalidAction.
import { unknownOperation } from "../../aws-errors.js";
import type { ServiceHandler } from "../../service.js";
import { answerEc2 } from "./describe.js";

export const ec2: ServiceHandler = {
  service: "ec2",
  protocol: "ec2Query",
  handle(req, ctx) {
    const answer = answerEc2(req, ctx);
    if (!answer) throw unknownOperation("ec2Query", "ec2", req.operation);
    return answer;
  },
};

export const handlers: ServiceHandler[] = [ec2];
