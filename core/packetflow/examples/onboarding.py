"""User onboarding: capabilities, a composition with parallel, conditional and retry, run on an
embedded node. ``packetflow demo`` runs :func:`main`; ``--app packetflow.examples.onboarding:node``
serves it."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path

import trio
from pydantic import BaseModel, Field

import packetflow as pf

from ._terminal import title

# -- contracts ---------------------------------------------------------------------------------


class EmailIn(BaseModel):
    email: str = Field(description="the address the user typed")


class EmailChecked(BaseModel):
    email: str
    domain: str
    email_valid: bool


class ExistingOut(BaseModel):
    existing: bool


class AccountIn(BaseModel):
    email: str
    name: str
    existing: bool


class AccountOut(BaseModel):
    account_id: str


class RiskIn(BaseModel):
    email: str
    domain: str
    country: str


class RiskOut(BaseModel):
    risk_score: float
    risk_reasons: list[str]


class DecisionIn(BaseModel):
    account_id: str
    risk_score: float


class DecisionOut(BaseModel):
    decision: str


class WelcomeIn(BaseModel):
    email: str
    account_id: str


class WelcomeOut(BaseModel):
    email_status: str


# -- capabilities ------------------------------------------------------------------------------

_KNOWN_USERS = {"ada@example.org"}
_DISPOSABLE = {"mailinator.com", "tempmail.dev"}
_ids = itertools.count(1001)


@pf.capability(intent="Validate and normalize an email address", tags=["users", "email"])
async def validate_email(inp: EmailIn) -> EmailChecked:
    email = inp.email.strip().lower()
    local, _, domain = email.partition("@")
    valid = bool(local) and "." in domain and " " not in email
    if not valid:
        raise pf.errors.ContractViolationError(
            f"email {inp.email!r} is not a valid address",
            details=[{"field": "email", "message": "not an email address", "type": "value_error"}],
        )
    return EmailChecked(email=email, domain=domain, email_valid=valid)


@pf.capability(intent="Check whether a user already exists", tags=["users"], idempotent=True)
async def check_existing_user(inp: EmailIn) -> ExistingOut:
    await trio.sleep(0.01)  # a lookup in the user store
    return ExistingOut(existing=inp.email in _KNOWN_USERS)


@pf.capability(
    intent="Create a user account",
    tags=["users"],
    effects=[
        pf.AuditLog(level="info"),
        pf.Metric("counter", "accounts_created"),
        pf.Notify("accounts.created"),
    ],
)
async def create_account(inp: AccountIn) -> AccountOut:
    if inp.existing:
        raise pf.errors.ConflictError(f"user {inp.email!r} already has an account; sign in")
    await trio.sleep(0.02)
    return AccountOut(account_id=f"acc-{next(_ids)}")


@pf.capability(intent="Score the fraud risk of a signup", tags=["risk"], timeout=2.0)
async def score_risk(inp: RiskIn) -> RiskOut:
    await trio.sleep(0.03)  # a call to the risk model
    reasons = []
    if inp.domain in _DISPOSABLE:
        reasons.append("disposable email domain")
    if inp.country not in {"DE", "FR", "GB", "NL", "US"}:
        reasons.append(f"unusual country {inp.country}")
    return RiskOut(risk_score=min(1.0, 0.1 + 0.45 * len(reasons)), risk_reasons=reasons)


@pf.capability(intent="Queue a signup for manual review", tags=["risk"])
async def manual_review(inp: DecisionIn) -> DecisionOut:
    return DecisionOut(decision=f"manual review (ticket REV-{inp.account_id[4:]})")


@pf.capability(intent="Approve a low-risk signup", tags=["users"])
async def auto_approve(inp: DecisionIn) -> DecisionOut:
    return DecisionOut(decision="approved")


class FlakyMailer:
    """An email service that fails its first ``failures`` calls per address, on purpose: the
    plan's ``retry`` node is there for exactly this."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.attempts: dict[str, int] = {}
        self.last_attempt = 0

    async def send(self, inp: WelcomeIn) -> WelcomeOut:
        self.attempts[inp.email] = self.last_attempt = self.attempts.get(inp.email, 0) + 1
        if self.attempts[inp.email] <= self.failures:
            # A dependency that is down is E503 (retried by default); a plain exception would
            # be E500 and logged as a bug in the capability.
            raise pf.errors.UnavailableError("smtp: connection reset by peer")
        return WelcomeOut(email_status=f"sent after {self.attempts[inp.email]} attempt(s)")


mailer = FlakyMailer(failures=2)
send_welcome_email = pf.capability(
    name="send_welcome_email", intent="Send the welcome email", tags=["email"]
)(mailer.send)


@pf.capability(intent="Queue the welcome email for later delivery", tags=["email"])
async def queue_welcome_email(inp: WelcomeIn) -> WelcomeOut:
    return WelcomeOut(email_status="queued for later delivery")


# -- the composition ---------------------------------------------------------------------------

WELCOME_ATTEMPTS = 4

plan = pf.pipeline(
    pf.step("validate_email"),
    pf.step("check_existing_user"),
    pf.parallel({"account": pf.step("create_account"), "risk": pf.step("score_risk")}),
    pf.conditional(
        pf.when("risk_score >= 0.5", pf.step("manual_review")),
        otherwise=pf.step("auto_approve"),
    ),
    pf.retry(
        pf.step("send_welcome_email"),
        max_attempts=WELCOME_ATTEMPTS,
        backoff=pf.exponential(base=0.02, max=0.5),
        circuit_breaker=pf.CircuitBreaker(failure_threshold=10, recovery_timeout=30),
        fallback=pf.step("queue_welcome_email"),
    ),
)

user_onboarding = pf.composition(
    "user_onboarding",
    plan,
    intent="Onboard a new user: validate, create the account, score risk, welcome them",
    tags=["users", "workflow"],
    input=["email", "name", "country"],
    output=[
        "account_id",
        "decision",
        "risk_score",
        "risk_reasons",
        "email_status",
        "retry_metadata",
    ],
)

node = pf.Node("onboarding-demo")
# Installed modules are discovered when the node starts; this configures the compliance module
# (packetflow-module-compliance) if it is installed: interns may not onboard users. (A config
# entry for a module that is not installed would be reported as that module's error.)
if importlib.util.find_spec("packetflow_compliance") is not None:
    node.modules.configure(
        {"modules": [{"name": "compliance", "config": {"denied": {"intern": ["user_onboarding"]}}}]}
    )
node.register(
    validate_email,
    check_existing_user,
    create_account,
    score_risk,
    manual_review,
    auto_approve,
    send_welcome_email,
    queue_welcome_email,
    user_onboarding,
)

# -- the demo ----------------------------------------------------------------------------------


def _show_retries(event: pf.ExecutionEvent) -> None:
    """Print each failed attempt of the email step: the retries the flaky mailer causes."""
    if event.kind == "step.error" and event.capability == "send_welcome_email":
        tried = mailer.last_attempt
        then = "retrying" if tried < WELCOME_ATTEMPTS else "giving up, the fallback runs"
        attempt = f"{tried}/{WELCOME_ATTEMPTS}"
        print(f"   retry: send_welcome_email attempt {attempt} was {event.error_code}; {then}")


async def _onboard(payload: dict[str, str]) -> None:
    print(f"-> user_onboarding {payload}")
    try:
        out = await node.call("user_onboarding", payload, context={"user_id": "demo"})
    except pf.PacketFlowError as exc:
        print(f"   {exc.code} {exc.type}: {exc.message}")
        return
    meta = out["retry_metadata"]
    print(
        f"   account {out['account_id']}: {out['decision']} (risk {out['risk_score']:.2f}"
        f"{', ' + '; '.join(out['risk_reasons']) if out['risk_reasons'] else ''})"
    )
    print(
        f"   welcome email: {out['email_status']} "
        f"[attempts={meta['attempts']}, fallback={meta['fallback_used']}]"
    )


async def _plain_english() -> None:
    """With packetflow-module-nl-planning installed: a request typed as a user would say it."""
    if "nl_planning" not in {m.name for m in node.modules.list_active()}:
        return
    title("A request in plain English (packetflow-module-nl-planning)")
    text = "onboard Alan Turing, alan@example.org, from GB"
    request = pf.CapabilityRequest(intent=text, context={"user_id": "demo"})
    response = await node.dispatch(request)
    [step] = response.metadata["nl_planning"]["steps"]
    print(f"  {text!r}\n  -> {step['capability']} {step['params']}")
    print(f"     account {response.payload['account_id']}: {response.payload['decision']}")


async def main(data_dir: str | Path | None = None) -> None:
    """Run the onboarding demo and print what happens (state under ``data_dir``, default the
    node's own)."""
    if data_dir is not None:
        node.data_dir = Path(data_dir)
    unsubscribe = node.events.subscribe(_show_retries)
    try:
        await _run()
    finally:
        unsubscribe()


async def _run() -> None:
    async with node.started():
        title("Capabilities on the node")
        width = max(len(cap.name) for cap in node.registry)
        for cap in node.registry:
            print(f"  {cap.name:<{width}} {cap.kind:<11} requires={list(cap.contract.requires)}")

        title("Onboarding runs (parallel account + risk, conditional review, retry on email)")
        print("   (the mail server fails its first two tries per address, on purpose)")
        await _onboard({"email": "Grace@Example.org", "name": "Grace", "country": "US"})
        await _onboard({"email": "eve@tempmail.dev", "name": "Eve", "country": "ZZ"})
        await _onboard({"email": "ada@example.org", "name": "Ada", "country": "GB"})
        await _onboard({"email": "not-an-email", "name": "Bob", "country": "US"})
        mailer.failures = 99  # the email service goes down: retries, then the fallback
        await _onboard({"email": "linus@example.org", "name": "Linus", "country": "NL"})

        title("Bad input is a typed error, never a crash")
        try:
            await node.call("user_onboarding", {"email": 42})
        except pf.PacketFlowError as exc:
            print(f"  {exc.code} {exc.type}: {exc.message}")
            for field in exc.details:
                print(f"    - {field['field']}: {field['message']}")

        await _plain_english()

        title("Execution graph of the first run")
        for record in node.executions[0].records:
            status = record.status if record.error_code is None else record.error_code
            print(
                f"  {record.started_ms:7.1f} ms  +{record.duration_ms:6.1f} ms  "
                f"{status:<5} {record.path}"
            )

        title("Statistics")
        print(f"  {'capability':<22} {'count':>5} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8}")
        for name, stats in node.stats().items():
            print(
                f"  {name:<22} {stats.count:>5} {stats.errors:>6} {stats.p50_ms:>8.2f} "
                f"{stats.p99_ms:>8.2f}"
            )
        print(f"  metrics: {node.metrics.counters}")

        title("The same plan as JSON (first 12 lines)")
        print("\n".join(pf.dump_plan(plan).splitlines()[:12]) + "\n  ...")

        audited = await _modules()
    if audited:  # the node has stopped: the audit log is complete on disk
        _verify_audit_log()


async def _modules() -> bool:
    """Show the modules and, when compliance is active, a refusal; True if it is."""
    title("Modules (discovered through the packetflow.modules entry points)")
    infos = node.modules.list_all()
    if not infos:
        print("  none installed (pip install packetflow-module-compliance)")
        return False
    for info in infos:
        print(
            f"  {info.name:<12} {info.version or '-':<7} {info.distribution or '(inline)':<30} "
            f"priority={info.priority:<4} {info.status}"
        )
    for kind, names in node.modules.chain_order().items():
        print(f"  {kind:<11} chain: {' -> '.join(names) or '(empty)'}")
    if "compliance" not in {info.name for info in node.modules.list_active()}:
        return False
    title("A policy refusal (compliance: interns may not onboard users)")
    try:
        await node.call(
            "user_onboarding",
            {"email": "intern@example.org", "name": "Ivy", "country": "DE"},
            context={"user_id": "ivy", "roles": ["intern"]},
        )
    except pf.PacketFlowError as exc:
        print(f"  {exc.code} {exc.type}: {exc.message}")
    report = await node.call("compliance.report", {}, context={"user_id": "demo"})
    print(f"  audit log: {report['records']} records, outcomes {report['outcomes']}")
    return True


def _verify_audit_log() -> None:
    from .._cli import main as cli

    data_dir = str(node.data_dir)
    title(f"packetflow compliance verify --data-dir {data_dir}")
    if cli(["compliance", "verify", "--data-dir", data_dir]) != 0:
        raise SystemExit("the audit log does not verify")


if __name__ == "__main__":
    trio.run(main)
