// The simulated restJson1 security services: GuardDuty, Security Hub, Backup, IAM Access Analyzer,
// Inspector, Macie and Account Management (each in its own module, routed by method and path).
import type { ServiceHandler } from "../../service.js";
import { accessAnalyzer } from "./access-analyzer.js";
import { account } from "./account.js";
import { backup } from "./backup.js";
import { guardDuty } from "./guardduty.js";
import { inspector2 } from "./inspector2.js";
import { macie2 } from "./macie2.js";
import { securityHub } from "./securityhub.js";

export const handlers: ServiceHandler[] = [guardDuty, securityHub, backup, accessAnalyzer, inspector2, macie2, account];
