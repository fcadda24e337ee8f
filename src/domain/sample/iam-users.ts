// The IAM users an auditor samples (A.5.17, A.5.18, A.8.5): every user the latest collection's checks
// judged, each with the results on its MFA, access keys and unused credentials and the IAM snapshot behind them.
import type { Population, SampleCandidate } from "./model.js";

/** One stored check result, as far as the sample reads it. */
export interface UserCheckResult {
  checkId: string;
  account: string;
  resource: string;
  status: string;
  detail: string;
  evidenceId: string | null;
}

/** The checks whose results describe a user; their ids come from src/aws/checks. */
export interface UserCheckIds {
  /** Judges each user with a console password; resource: the user's ARN. */
  consoleMfa: string;
  /** Judges each active key; resource: the key id, detail "<user>'s active key … is N days old". */
  keyRotation: string;
  /** Judges each user's credentials in use; resource: the user's ARN. */
  unusedCredentials: string;
}

export interface IamUserInput {
  /** The collection run the users come from, or null when nothing was collected by the period's end. */
  run: { id: string; finishedOn: string } | null;
  results: readonly UserCheckResult[];
  /** The run's raw IAM snapshots, one evidence record per account. */
  iamSnapshots: readonly { id: string; account: string }[];
  checkIds: UserCheckIds;
}

// arn:aws:iam::111111111111:user/alice, or with a path: arn:aws:iam::111111111111:user/ops/alice.
const userArn = /^arn:aws[a-z-]*:iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/;

const verdict = (r: UserCheckResult | undefined, what: string) => (r ? `${what}: ${r.status} (${r.detail})` : `${what}: no result`);

function candidateFor(account: string, name: string, arn: string, input: IamUserInput, runId: string): SampleCandidate {
  const { checkIds } = input;
  const own = input.results.filter((r) => r.account === account);
  const mfa = own.find((r) => r.checkId === checkIds.consoleMfa && r.resource === arn);
  const unused = own.find((r) => r.checkId === checkIds.unusedCredentials && r.resource === arn);
  const keys = own.filter((r) => r.checkId === checkIds.keyRotation && r.detail.startsWith(`${name}'s `));
  const found = [mfa, ...keys, unused].filter((r): r is UserCheckResult => r !== undefined);
  const evidenceIds = [...new Set([...found.flatMap((r) => (r.evidenceId ? [r.evidenceId] : [])), ...input.iamSnapshots.filter((s) => s.account === account).map((s) => s.id)])];
  const keyText = keys.length ? keys.map((k) => `access key: ${k.status} (${k.detail})`).join("; ") : "no active access key";
  return {
    key: `${account}/${name}`,
    item: `IAM user ${name} in ${account}`,
    evidenceIds,
    records: [],
    answered: mfa !== undefined && evidenceIds.length > 0,
    note: `${verdict(mfa, "console MFA")}; ${keyText}; ${verdict(unused, "unused credentials")} — collection run ${runId}`,
  };
}

/** Every IAM user the run's checks judged, once each, by account then name. */
export function iamUserPopulation(input: IamUserInput): Population {
  const { run } = input;
  if (!run) {
    return {
      kind: "users",
      candidates: [],
      from: "no collection run",
      whenEmpty: {
        item: "IAM users with their MFA and access key age",
        evidenceIds: [],
        records: [],
        answered: false,
        note: "Nothing was collected from AWS by the end of the period: collect with isms collect aws, or provide each account's IAM credential report",
      },
    };
  }
  const users = new Map<string, { account: string; name: string; arn: string }>();
  for (const r of input.results) {
    if (r.checkId !== input.checkIds.consoleMfa && r.checkId !== input.checkIds.unusedCredentials) continue;
    const match = userArn.exec(r.resource);
    if (match?.[1] && match[2]) users.set(`${match[1]}/${match[2]}`, { account: match[1], name: match[2], arn: r.resource });
  }
  const snapshots = input.iamSnapshots.map((s) => s.id);
  return {
    kind: "users",
    candidates: [...users.values()].map((u) => candidateFor(u.account, u.name, u.arn, input, run.id)),
    from: `collection run ${run.id} of ${run.finishedOn}`,
    whenEmpty: {
      item: "IAM users with their MFA and access key age",
      evidenceIds: snapshots,
      records: [],
      answered: snapshots.length > 0,
      note: `Collection run ${run.id} of ${run.finishedOn} found no IAM user with a console password or access key${snapshots.length ? "; its IAM snapshots show the accounts' users" : ": provide each account's IAM credential report"}`,
    },
  };
}
