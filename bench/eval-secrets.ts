/**
 * Secrets quality evaluation: runs the real engine (`scanTexts`, DuckDB) over the labelled test
 * cases of three public secret scanners and scores precision and recall per kind.
 *
 * Scoring (see the corpora README):
 * - Labels are per peer rule. Each supported peer rule maps to the kinds that count as finding
 *   it; a `secret` line is a hit when a finding of a mapped kind overlaps the gold value (when the
 *   case names one) or, without a gold value, appears anywhere in the line. A `none` line is a
 *   false positive only when a finding of a mapped kind appears; findings of other kinds on it are
 *   not scored (the line may well hold another credential).
 * - gitleaks wraps one value in up to 25 syntaxes; each (rule, value) group weighs 1 in total, so
 *   recall is per distinct secret, not per wrapper. Unweighted line counts are reported as well.
 * - Left out: path-dependent `none` lines (a log row has no file path), secretlint lines run with
 *   non-default options (`configured`), and lines marked `review: likely-secret`.
 *
 * Usage: node --import tsx bench/eval-secrets.ts   (env BREACHSCOPE_CORPORA overrides the folder)
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { secretRules } from '../app/core/classify/rules/secret-rules.ts';
import { scanTexts, type TextFinding } from '../app/core/classify/scan.ts';
import { hasSequentialRun, isPlaceholder, shannonEntropy } from '../app/core/classify/validators/secret-checks.ts';
import { classifyJwt, secretValidators } from '../app/core/classify/validators/secret-validators.ts';

const ANY_SECRET = '*';

/**
 * Peer rule → kinds of this engine that count as detecting it. The first kind is the one the row
 * is reported under. `null` marks a peer rule this engine does not cover (listed in the report).
 */
export const PEER_RULE_KINDS: Record<string, string[] | null> = {
  // gitleaks
  'gitleaks:1password-secret-key': ['onepassword_secret_key'],
  'gitleaks:1password-service-account-token': ['onepassword_token'],
  'gitleaks:age-secret-key': ['age_secret_key'],
  'gitleaks:airtable-personnal-access-token': ['airtable_token'],
  'gitleaks:alibaba-access-key-id': ['alibaba_access_key_id'],
  'gitleaks:anthropic-admin-api-key': ['anthropic_admin_key'],
  'gitleaks:anthropic-api-key': ['anthropic_api_key'],
  'gitleaks:artifactory-api-key': ['jfrog_token'],
  'gitleaks:artifactory-reference-token': ['jfrog_token'],
  'gitleaks:atlassian-api-token': ['atlassian_api_token'],
  'gitleaks:aws-access-token': ['aws_access_key_id'],
  'gitleaks:aws-amazon-bedrock-api-key-long-lived': ['aws_bedrock_api_key'],
  'gitleaks:aws-amazon-bedrock-api-key-short-lived': ['aws_bedrock_api_key'],
  'gitleaks:azure-ad-client-secret': ['azure_ad_client_secret'],
  'gitleaks:clickhouse-cloud-api-secret-key': ['clickhouse_cloud_key'],
  'gitleaks:clojars-api-token': ['clojars_token'],
  'gitleaks:cloudflare-api-key': ['cloudflare_api_token'],
  'gitleaks:cloudflare-global-api-key': ['cloudflare_global_api_key'],
  'gitleaks:cloudflare-origin-ca-key': ['cloudflare_origin_ca_key'],
  'gitleaks:cohere-api-token': ['cohere_api_key'],
  // A header or CLI credential found under a more specific kind (a JWT, an OpenShift token) is
  // still the peer's finding.
  'gitleaks:curl-auth-header': [ANY_SECRET],
  'gitleaks:curl-auth-user': [ANY_SECRET],
  'gitleaks:databricks-api-token': ['databricks_token'],
  'gitleaks:defined-networking-api-token': ['defined_networking_token'],
  'gitleaks:digitalocean-access-token': ['digitalocean_token'],
  'gitleaks:digitalocean-pat': ['digitalocean_token'],
  'gitleaks:digitalocean-refresh-token': ['digitalocean_token'],
  'gitleaks:doppler-api-token': ['doppler_token'],
  'gitleaks:duffel-api-token': ['duffel_token'],
  'gitleaks:dynatrace-api-token': ['dynatrace_token'],
  'gitleaks:easypost-api-token': ['easypost_token'],
  'gitleaks:easypost-test-api-token': ['easypost_token'],
  'gitleaks:flutterwave-secret-key': ['flutterwave_key'],
  'gitleaks:flyio-access-token': ['flyio_token'],
  'gitleaks:frameio-api-token': ['frameio_token'],
  'gitleaks:gcp-api-key': ['gcp_api_key'],
  'gitleaks:generic-api-key': [ANY_SECRET],
  'gitleaks:github-app-token': ['github_token'],
  'gitleaks:github-fine-grained-pat': ['github_token'],
  'gitleaks:github-oauth': ['github_token'],
  'gitleaks:github-pat': ['github_token'],
  'gitleaks:github-refresh-token': ['github_token'],
  'gitleaks:gitlab-cicd-job-token': ['gitlab_token'],
  'gitleaks:gitlab-deploy-token': ['gitlab_token'],
  'gitleaks:gitlab-feature-flag-client-token': ['gitlab_token'],
  'gitleaks:gitlab-feed-token': ['gitlab_token'],
  'gitleaks:gitlab-incoming-mail-token': ['gitlab_token'],
  'gitleaks:gitlab-kubernetes-agent-token': ['gitlab_token'],
  'gitleaks:gitlab-oauth-app-secret': ['gitlab_token'],
  'gitleaks:gitlab-pat': ['gitlab_token'],
  'gitleaks:gitlab-pat-routable': ['gitlab_token'],
  'gitleaks:gitlab-ptt': ['gitlab_token'],
  'gitleaks:gitlab-rrt': ['gitlab_token'],
  'gitleaks:gitlab-runner-authentication-token': ['gitlab_token'],
  'gitleaks:gitlab-runner-authentication-token-routable': ['gitlab_token'],
  'gitleaks:gitlab-scim-token': ['gitlab_token'],
  'gitleaks:gitlab-session-cookie': ['gitlab_session'],
  'gitleaks:gocardless-api-token': ['gocardless_token'],
  'gitleaks:grafana-api-key': ['grafana_token'],
  'gitleaks:grafana-cloud-api-token': ['grafana_token'],
  'gitleaks:grafana-service-account-token': ['grafana_token'],
  'gitleaks:harness-api-key': ['harness_api_key'],
  'gitleaks:hashicorp-tf-api-token': ['terraform_cloud_token'],
  'gitleaks:heroku-api-key': ['heroku_api_key'],
  'gitleaks:heroku-api-key-v2': ['heroku_api_key'],
  'gitleaks:huggingface-access-token': ['huggingface_token'],
  'gitleaks:huggingface-organization-api-token': ['huggingface_token'],
  'gitleaks:infracost-api-token': ['infracost_token'],
  'gitleaks:intra42-client-secret': ['intra42_secret'],
  'gitleaks:jfrog-api-key': ['jfrog_token'],
  'gitleaks:jfrog-identity-token': ['jfrog_token'],
  'gitleaks:jwt': ['jwt'],
  'gitleaks:jwt-base64': ['jwt'],
  'gitleaks:linear-api-key': ['linear_api_key'],
  'gitleaks:mailchimp-api-key': ['mailchimp_api_key'],
  'gitleaks:mailgun-private-api-token': ['mailgun_api_key'],
  'gitleaks:mailgun-pub-key': ['mailgun_api_key'],
  'gitleaks:mailgun-signing-key': ['mailgun_api_key'],
  'gitleaks:messagebird-api-token': ['messagebird_token'],
  'gitleaks:microsoft-teams-webhook': ['teams_webhook'],
  'gitleaks:new-relic-browser-api-token': ['newrelic_key'],
  'gitleaks:new-relic-insert-key': ['newrelic_key'],
  'gitleaks:new-relic-user-api-key': ['newrelic_key'],
  'gitleaks:notion-api-token': ['notion_token'],
  'gitleaks:npm-access-token': ['npm_token'],
  'gitleaks:octopus-deploy-api-key': ['octopus_api_key'],
  'gitleaks:openai-api-key': ['openai_api_key', 'llm_api_key'],
  'gitleaks:openshift-user-token': ['openshift_token'],
  'gitleaks:perplexity-api-key': ['perplexity_api_key'],
  'gitleaks:planetscale-api-token': ['planetscale_token'],
  'gitleaks:planetscale-oauth-token': ['planetscale_token'],
  'gitleaks:planetscale-password': ['planetscale_token'],
  'gitleaks:postman-api-token': ['postman_api_key'],
  'gitleaks:prefect-api-token': ['prefect_token'],
  'gitleaks:private-key': ['private_key', 'ssh_private_key', 'pgp_private_key'],
  'gitleaks:pulumi-api-token': ['pulumi_token'],
  'gitleaks:pypi-upload-token': ['pypi_token'],
  'gitleaks:readme-api-token': ['readme_token'],
  'gitleaks:rubygems-api-token': ['rubygems_token'],
  'gitleaks:scalingo-api-token': ['scalingo_token'],
  'gitleaks:sendgrid-api-token': ['sendgrid_api_key'],
  'gitleaks:sendinblue-api-token': ['brevo_api_key'],
  'gitleaks:sentry-org-token': ['sentry_token'],
  'gitleaks:sentry-user-token': ['sentry_token'],
  'gitleaks:settlemint-application-access-token': ['settlemint_token'],
  'gitleaks:settlemint-personal-access-token': ['settlemint_token'],
  'gitleaks:settlemint-service-access-token': ['settlemint_token'],
  'gitleaks:shippo-api-token': ['shippo_token'],
  'gitleaks:shopify-access-token': ['shopify_token'],
  'gitleaks:shopify-custom-access-token': ['shopify_token'],
  'gitleaks:shopify-private-app-access-token': ['shopify_token'],
  'gitleaks:shopify-shared-secret': ['shopify_token'],
  'gitleaks:sidekiq-sensitive-url': ['url_password'],
  'gitleaks:slack-app-token': ['slack_token'],
  'gitleaks:slack-bot-token': ['slack_token'],
  'gitleaks:slack-config-access-token': ['slack_token'],
  'gitleaks:slack-config-refresh-token': ['slack_token'],
  'gitleaks:slack-legacy-bot-token': ['slack_token'],
  'gitleaks:slack-legacy-token': ['slack_token'],
  'gitleaks:slack-legacy-workspace-token': ['slack_token'],
  'gitleaks:slack-user-token': ['slack_token'],
  'gitleaks:slack-webhook-url': ['slack_webhook'],
  'gitleaks:sonar-api-token': ['sonar_token'],
  'gitleaks:sourcegraph-access-token': ['sourcegraph_token'],
  'gitleaks:square-access-token': ['square_token'],
  'gitleaks:stripe-access-token': ['stripe_secret_key', 'stripe_test_key', 'stripe_restricted_key'],
  'gitleaks:telegram-bot-api-token': ['telegram_bot_token'],
  'gitleaks:twilio-api-key': ['twilio_api_key'],
  'gitleaks:typeform-api-token': ['typeform_token'],
  'gitleaks:vault-batch-token': ['vault_token'],
  'gitleaks:vault-service-token': ['vault_token'],
  // secretlint
  'secretlint:@secretlint/secretlint-rule-1password': ['onepassword_token', 'onepassword_secret_key'],
  'secretlint:@secretlint/secretlint-rule-anthropic': ['anthropic_api_key', 'anthropic_admin_key'],
  'secretlint:@secretlint/secretlint-rule-aws': ['aws_access_key_id', 'aws_secret_access_key'],
  'secretlint:@secretlint/secretlint-rule-azure': ['azure_storage_account_key', 'azure_sas_token', 'azure_ad_client_secret'],
  'secretlint:@secretlint/secretlint-rule-basicauth': ['url_password', 'database_password', 'broker_password', 'basic_auth_credentials'],
  'secretlint:@secretlint/secretlint-rule-cloudflare': ['cloudflare_api_token', 'cloudflare_global_api_key', 'cloudflare_origin_ca_key'],
  'secretlint:@secretlint/secretlint-rule-database-connection-string': ['database_password'],
  'secretlint:@secretlint/secretlint-rule-databricks': ['databricks_token'],
  'secretlint:@secretlint/secretlint-rule-docker': ['dockerhub_token'],
  'secretlint:@secretlint/secretlint-rule-figma': ['figma_token'],
  'secretlint:@secretlint/secretlint-rule-gcp': ['private_key', 'gcp_service_account_key'],
  'secretlint:@secretlint/secretlint-rule-github': ['github_token'],
  'secretlint:@secretlint/secretlint-rule-gitlab': ['gitlab_token'],
  'secretlint:@secretlint/secretlint-rule-grafana': ['grafana_token'],
  'secretlint:@secretlint/secretlint-rule-groq': ['groq_api_key'],
  'secretlint:@secretlint/secretlint-rule-hashicorp-vault': ['vault_token'],
  'secretlint:@secretlint/secretlint-rule-huggingface': ['huggingface_token'],
  'secretlint:@secretlint/secretlint-rule-linear': ['linear_api_key'],
  'secretlint:@secretlint/secretlint-rule-notion': ['notion_token'],
  'secretlint:@secretlint/secretlint-rule-npm': ['npm_token'],
  'secretlint:@secretlint/secretlint-rule-openai': ['openai_api_key', 'llm_api_key'],
  'secretlint:@secretlint/secretlint-rule-privatekey': ['private_key', 'ssh_private_key', 'pgp_private_key'],
  'secretlint:@secretlint/secretlint-rule-sendgrid': ['sendgrid_api_key'],
  'secretlint:@secretlint/secretlint-rule-shopify': ['shopify_token'],
  'secretlint:@secretlint/secretlint-rule-slack': ['slack_token', 'slack_webhook'],
  'secretlint:@secretlint/secretlint-rule-stripe': ['stripe_secret_key', 'stripe_test_key', 'stripe_restricted_key'],
  'secretlint:@secretlint/secretlint-rule-tailscale': ['tailscale_key'],
  'secretlint:@secretlint/secretlint-rule-vercel': ['vercel_token'],
  'secretlint:@secretlint/secretlint-rule-no-homedir': null, // operational metadata, scored elsewhere
  'secretlint:@secretlint/secretlint-rule-secp256k1': null,
  'secretlint:@secretlint/secretlint-rule-secp256k1-privatekey': null,
  // detect-secrets
  'detect-secrets:artifactory': ['jfrog_token'],
  'detect-secrets:aws_key': ['aws_access_key_id', 'aws_secret_access_key'],
  'detect-secrets:azure_storage_key': ['azure_storage_account_key'],
  'detect-secrets:basic_auth': ['url_password', 'database_password', 'broker_password'],
  'detect-secrets:discord': ['discord_bot_token'],
  'detect-secrets:github_token': ['github_token'],
  'detect-secrets:gitlab_token': ['gitlab_token'],
  'detect-secrets:ibm_cloud_iam': ['ibm_cloud_api_key'],
  'detect-secrets:jwt': ['jwt'],
  'detect-secrets:mailchimp_key': ['mailchimp_api_key'],
  'detect-secrets:npm': ['npm_token'],
  'detect-secrets:openai': ['openai_api_key', 'llm_api_key'],
  'detect-secrets:pypi_token': ['pypi_token'],
  'detect-secrets:sendgrid': ['sendgrid_api_key'],
  'detect-secrets:stripe_key': ['stripe_secret_key', 'stripe_test_key', 'stripe_restricted_key'],
  'detect-secrets:telegram_token': ['telegram_bot_token'],
  'detect-secrets:twilio': ['twilio_api_key', 'twilio_auth_token'],
  'detect-secrets:ip_public': null, // a public IP is exposure metadata, not a credential
};

interface Case {
  source: string;
  rule: string;
  text: string;
  expect: 'secret' | 'none';
  secret?: string;
  form?: string;
  path?: string;
  configured?: boolean;
  review?: string;
}

export interface KindScore {
  kind: string;
  peerRules: string[];
  positives: number;
  negatives: number;
  tp: number;
  fn: number;
  fp: number;
  /** Missed positives whose value our placeholder / JWT policy rejects on purpose. */
  fnByPolicy: number;
  precision: number;
  recall: number;
  /** Recall when positives rejected by policy are left out. */
  recallOutsidePolicy: number;
}

export interface SecretsReport {
  corporaDir: string;
  generatedAt: string;
  ms: number;
  lines: { total: number; scored: number; skipped: number };
  overall: {
    tp: number;
    fn: number;
    fp: number;
    fnByPolicy: number;
    precision: number;
    recall: number;
    recallOutsidePolicy: number;
    linesTp: number;
    linesFn: number;
    linesFp: number;
    linesTn: number;
  };
  bySource: Record<string, { tp: number; fn: number; fp: number; precision: number; recall: number }>;
  byKind: KindScore[];
  unsupported: Array<{ rule: string; secretLines: number; noneLines: number }>;
  misses: Array<{ rule: string; text: string; policy: boolean }>;
  falsePositives: Array<{ rule: string; kinds: string[]; text: string }>;
}

const FILES = ['secrets/gitleaks-cases.jsonl', 'secrets/secretlint-cases.jsonl', 'secrets/detect-secrets-cases.jsonl'];

function loadCases(dir: string): Case[] {
  const cases: Case[] = [];
  for (const file of FILES) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (line.trim()) cases.push(JSON.parse(line) as Case);
    }
  }
  return cases;
}

/** Code-point index of `needle` in `text` (findings report code-point offsets). */
function codePointSpan(text: string, needle: string): [number, number] | undefined {
  const at = text.indexOf(needle);
  if (at < 0) return undefined;
  const start = [...text.slice(0, at)].length;
  return [start, start + [...needle].length];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/**
 * True when a missed positive holds a value this engine rejects by design, with the same checks
 * the validators use: placeholders, typed fillers and low-entropy runs (`xxxx`, `AAAA…`, `abcdef123456`, AWS's
 * EXAMPLE keys, `user:pass`) and JWT-shaped strings whose header does not decode to JSON with an
 * `alg`. Without a gold value, any token of the line that is such a value counts.
 */
export function rejectedByPolicy(c: Pick<Case, 'text' | 'secret'>, kinds: string[]): boolean {
  const pieces = c.secret ? [c.secret, ...c.secret.split(/[-_.:]/)] : c.text.split(/[\s"'`=:,;@/<>(){}[\]]+/);
  const filler = pieces.some(
    (p) => p.length >= 4 && (isPlaceholder(p) || (p.length >= 6 && hasSequentialRun(p)) || (p.length >= 16 && shannonEntropy(p) < 2.5)),
  );
  if (filler) return true;
  if (kinds.includes('jwt')) {
    const source = c.secret ?? c.text;
    const wrapped = (source.match(/ZXlK[A-Za-z0-9+/]+=*/g) ?? []).map((v) => Buffer.from(v, 'base64').toString('utf8'));
    const candidates = [...(source.match(/e[yY][A-Za-z0-9_-]+\.[A-Za-z0-9_.-]*/g) ?? []), ...wrapped.flatMap((w) => w.match(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]*/g) ?? [])];
    if (candidates.length > 0 && candidates.every((v) => !classifyJwt(v.replace(/\.$/, '')).valid)) return true;
  }
  return false;
}

/** A short, masked excerpt of a corpus line for the report (the corpora are public test data). */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 110 ? `${flat.slice(0, 107)}...` : flat;
}

export async function evaluateSecrets(corporaDir: string): Promise<SecretsReport> {
  const started = performance.now();
  const cases = loadCases(corporaDir);
  const texts = [...new Set(cases.map((c) => c.text))];
  const textIndex = new Map(texts.map((t, i) => [t, i]));
  const findings = await scanTexts(texts, { rules: secretRules, validators: secretValidators });
  const byText = new Map<number, TextFinding[]>();
  for (const f of findings) {
    const list = byText.get(f.index) ?? [];
    list.push(f);
    byText.set(f.index, list);
  }

  // gitleaks template groups: one weight per (rule, secret value).
  const groupSize = new Map<string, number>();
  const groupKey = (c: Case) => `${c.source}|${c.rule}|${c.expect}|${c.secret ?? c.text}`;
  for (const c of cases) groupSize.set(groupKey(c), (groupSize.get(groupKey(c)) ?? 0) + 1);

  const kindScores = new Map<string, KindScore>();
  const sourceScores: SecretsReport['bySource'] = {};
  const unsupported = new Map<string, { secretLines: number; noneLines: number }>();
  const misses: SecretsReport['misses'] = [];
  const falsePositives: SecretsReport['falsePositives'] = [];
  const overall = { tp: 0, fn: 0, fp: 0, fnByPolicy: 0, precision: 0, recall: 0, recallOutsidePolicy: 0, linesTp: 0, linesFn: 0, linesFp: 0, linesTn: 0 };
  let scored = 0;
  let skipped = 0;

  for (const c of cases) {
    const peer = `${c.source}:${c.rule}`;
    const kinds = PEER_RULE_KINDS[peer];
    if (!kinds) {
      const u = unsupported.get(peer) ?? { secretLines: 0, noneLines: 0 };
      if (c.expect === 'secret') u.secretLines++;
      else u.noneLines++;
      unsupported.set(peer, u);
      skipped++;
      continue;
    }
    if (c.configured || c.review === 'likely-secret' || (c.path && c.expect === 'none')) {
      skipped++;
      continue;
    }
    scored++;
    const reportKind = kinds[0] === ANY_SECRET ? 'generic (any kind)' : kinds[0]!;
    const ks =
      kindScores.get(reportKind) ??
      ({ kind: reportKind, peerRules: [], positives: 0, negatives: 0, tp: 0, fn: 0, fp: 0, fnByPolicy: 0, precision: 0, recall: 0, recallOutsidePolicy: 0 } satisfies KindScore);
    if (!ks.peerRules.includes(peer)) ks.peerRules.push(peer);
    kindScores.set(reportKind, ks);
    const ss = (sourceScores[c.source] ??= { tp: 0, fn: 0, fp: 0, precision: 0, recall: 0 });
    const found = (byText.get(textIndex.get(c.text)!) ?? []).filter((f) => kinds[0] === ANY_SECRET || kinds.includes(f.kind));
    if (c.expect === 'secret') {
      const weight = 1 / groupSize.get(groupKey(c))!;
      const gold = c.secret ? codePointSpan(c.text, c.secret) : undefined;
      const hit = gold ? found.some((f) => f.start < gold[1] && f.end > gold[0]) : found.length > 0;
      ks.positives += weight;
      if (hit) {
        ks.tp += weight;
        ss.tp += weight;
        overall.tp += weight;
        overall.linesTp++;
      } else {
        ks.fn += weight;
        ss.fn += weight;
        overall.fn += weight;
        overall.linesFn++;
        const policy = rejectedByPolicy(c, kinds);
        if (policy) {
          ks.fnByPolicy += weight;
          overall.fnByPolicy += weight;
        }
        if (misses.length < 5000) misses.push({ rule: peer, text: excerpt(c.text), policy });
      }
    } else {
      ks.negatives++;
      if (found.length > 0) {
        ks.fp++;
        ss.fp++;
        overall.fp++;
        overall.linesFp++;
        if (falsePositives.length < 1000) falsePositives.push({ rule: peer, kinds: [...new Set(found.map((f) => f.kind))], text: excerpt(c.text) });
      } else overall.linesTn++;
    }
  }
  for (const ks of kindScores.values()) {
    ks.precision = ratio(ks.tp, ks.tp + ks.fp);
    ks.recall = ratio(ks.tp, ks.tp + ks.fn);
    ks.recallOutsidePolicy = ratio(ks.tp, ks.tp + ks.fn - ks.fnByPolicy);
  }
  for (const ss of Object.values(sourceScores)) {
    ss.precision = ratio(ss.tp, ss.tp + ss.fp);
    ss.recall = ratio(ss.tp, ss.tp + ss.fn);
  }
  overall.precision = ratio(overall.tp, overall.tp + overall.fp);
  overall.recall = ratio(overall.tp, overall.tp + overall.fn);
  overall.recallOutsidePolicy = ratio(overall.tp, overall.tp + overall.fn - overall.fnByPolicy);
  return {
    corporaDir,
    generatedAt: new Date().toISOString(),
    ms: Math.round(performance.now() - started),
    lines: { total: cases.length, scored, skipped },
    overall,
    bySource: sourceScores,
    byKind: [...kindScores.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
    unsupported: [...unsupported.entries()].map(([rule, u]) => ({ rule, ...u })).sort((a, b) => a.rule.localeCompare(b.rule)),
    misses,
    falsePositives,
  };
}

const pct = (x: number) => (x * 100).toFixed(1);
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export function reportMarkdown(report: SecretsReport): string {
  const o = report.overall;
  const lines = [
    '## Results',
    '',
    `Generated by \`node --import tsx bench/eval-secrets.ts\` (${report.ms} ms, rule pack scanned in DuckDB through \`scanTexts\`).`,
    '',
    `Lines: ${report.lines.total} in the corpora, ${report.lines.scored} scored, ${report.lines.skipped} skipped (unsupported peer rules, configured / path-only / likely-secret lines).`,
    '',
    `**Overall (supported kinds): precision ${pct(o.precision)} %, recall ${pct(o.recall)} %; recall outside policy ${pct(o.recallOutsidePolicy)} %** — weighted TP ${num(o.tp)}, FN ${num(o.fn)} (of which ${num(o.fnByPolicy)} rejected by policy), FP ${o.fp}.`,
    `Unweighted lines: ${o.linesTp} secret lines found, ${o.linesFn} missed, ${o.linesFp} none lines flagged, ${o.linesTn} none lines clean.`,
    '',
    '| corpus | precision | recall | TP | FN | FP |',
    '|---|---:|---:|---:|---:|---:|',
    ...Object.entries(report.bySource).map(([s, v]) => `| ${s} | ${pct(v.precision)} | ${pct(v.recall)} | ${num(v.tp)} | ${num(v.fn)} | ${v.fp} |`),
    '',
    '| kind | precision | recall | recall outside policy | positives (groups) | negatives | FN | FN by policy | FP | peer rules |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...report.byKind.map(
      (k) =>
        `| ${k.kind} | ${pct(k.precision)} | ${pct(k.recall)} | ${pct(k.recallOutsidePolicy)} | ${num(k.positives)} | ${k.negatives} | ${num(k.fn)} | ${num(k.fnByPolicy)} | ${k.fp} | ${k.peerRules.map((r) => r.replace('@secretlint/secretlint-rule-', '')).join(', ')} |`,
    ),
    '',
    '### Peer rules not supported',
    '',
    '| peer rule | secret lines | none lines |',
    '|---|---:|---:|',
    ...report.unsupported.map((u) => `| ${u.rule} | ${u.secretLines} | ${u.noneLines} |`),
    '',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = path.resolve(root, process.env['BREACHSCOPE_CORPORA'] ?? '../shared/corpora');
  const report = await evaluateSecrets(dir);
  const md = reportMarkdown(report);
  console.log(md);
  if (process.argv.includes('--misses')) {
    for (const m of report.misses) console.log(m.policy ? 'MISS-POLICY' : 'MISS', m.rule, '|', m.text);
    for (const f of report.falsePositives) console.log('FP', f.rule, f.kinds.join(','), '|', f.text);
  }
  const doc = path.join(root, 'docs', 'quality-secrets.md');
  if (process.argv.includes('--write-doc')) {
    mkdirSync(path.dirname(doc), { recursive: true });
    const current = readFileSafe(doc);
    const marker = '<!-- results -->';
    const head = current.includes(marker) ? current.slice(0, current.indexOf(marker)) : current;
    writeFileSync(doc, `${head.trimEnd()}\n\n${marker}\n${md}`);
  }
}

function readFileSafe(p: string): string {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '# Secret detection quality\n';
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
