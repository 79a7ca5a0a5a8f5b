using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>Billing's own view of a resold account: what to charge, to whom, and when it renews.</summary>
public sealed class BilledAccount
{
    public Guid AccountId { get; private set; }
    public Guid PartnerId { get; private set; }
    public string Name { get; private set; } = "";
    public AccountPlan Plan { get; private set; } = null!;
    public string Cadence { get; private set; } = "";
    public string Payer { get; private set; } = Payers.Partner;
    public Guid? BillingProfileId { get; private set; }

    /// <summary>
    /// When the account's card was last chosen (a card change, or a renewal request naming one). Two choices made close
    /// together may be consumed in either order: the older one, delivered late, would put the renewals on the card the
    /// partner had just replaced.
    /// </summary>
    public DateTimeOffset? CardChosenAt { get; private set; }

    /// <summary>The partner's card while the customer pays, so switching back to partner payment restores it.</summary>
    public Guid? PartnerBillingProfileId { get; private set; }
    public string NotificationEmail { get; private set; } = "";

    /// <summary>When the address Billing applied last was set in Accounts: an older change delivered late changes nothing.</summary>
    public DateTimeOffset? NotificationEmailChangedAt { get; private set; }

    /// <summary>When the payer change Billing applied last happened: an older payer or card change changes nothing.</summary>
    public DateTimeOffset? PayerChangedAt { get; private set; }

    /// <summary>
    /// The number of the last plan change Billing applied (<see cref="AccountPlanChanged.Revision"/>). Each change is priced
    /// from the plan the one before it left, and consumers take events concurrently: applied out of order, a later upgrade
    /// would be overwritten by the earlier one's plan, and every renewal after it would charge that older plan.
    /// </summary>
    public int PlanRevision { get; private set; }

    /// <summary>A downgrade or removed seats waiting for the next renewal, where it becomes the plan.</summary>
    public AccountPlan? ScheduledPlan { get; private set; }
    public AccountStatus Status { get; private set; }
    public DateOnly AnchorDate { get; private set; }
    public int PeriodIndex { get; private set; }
    public DateOnly? CurrentPeriodStart { get; private set; }
    public DateOnly? CurrentPeriodEnd { get; private set; }

    /// <summary>The start of the last period a renewal invoice was issued for; updating it is what claims the renewal.</summary>
    public DateOnly? RenewalInvoicedFor { get; private set; }

    /// <summary>When the latest transfer (out or in) that Billing applied happened: an older account event changes nothing.</summary>
    public DateTimeOffset? LastTransferAt { get; private set; }

    /// <summary>
    /// When the status change Billing followed last happened in Accounts. Consumers take events concurrently, so an older
    /// change can arrive after a newer one: the account made active again after its cancellation would be renewed.
    /// </summary>
    public DateTimeOffset? StatusFollowedAt { get; private set; }
    public uint Version { get; private set; }

    private BilledAccount()
    {
    }

    public static BilledAccount From(AccountCreated created) => new()
    {
        AccountId = created.AccountId,
        PartnerId = created.PartnerId,
        Name = created.Name,
        Plan = created.Plan,
        Cadence = created.Plan.Cadence,
        Payer = created.Payer,
        BillingProfileId = created.BillingProfileId,
        Status = created.Plan.Cadence == PlanCadences.Trial ? AccountStatus.Trial : AccountStatus.Pending,
        AnchorDate = DateOnly.FromDateTime(created.CreatedAt.UtcDateTime),
        NotificationEmail = created.NotificationEmail ?? "",
    };

    /// <summary>Charges stop for good: the account expired or left its agency.</summary>
    public bool IsClosed => Status is AccountStatus.Expired or AccountStatus.Transferred;

    /// <summary>
    /// Whether charges for <paramref name="partnerId"/> stop for good: the account closed, or it moved out and into another
    /// partner, who bills it from then on.
    /// </summary>
    public bool IsClosedFor(Guid partnerId) => IsClosed || PartnerId != partnerId;

    /// <summary>
    /// Whether a renewal into the period starting on <paramref name="periodStart"/> is not wanted: the account closed, or it
    /// was cancelled and so ends with the paid period it is in (Accounts expires it then, whatever renewal is paid after).
    /// </summary>
    public bool EndsBefore(DateOnly periodStart) => IsClosed || HasRunOut(periodStart);

    /// <summary>Whether <paramref name="day"/> falls on or after the end of the last period paid (false before any).</summary>
    public bool IsPastPeriodPaid(DateOnly day) => CurrentPeriodEnd is { } end && day >= end;

    /// <summary>
    /// Whether the account closed before running the period that starts on <paramref name="periodStart"/>: one it had begun
    /// on a renewal it never paid. What was charged for that period is not kept.
    /// </summary>
    public bool NeverRan(DateOnly periodStart) => IsClosed && IsPastPeriodPaid(periodStart);

    /// <summary>The current period has been paid and is still running.</summary>
    public bool IsInPaidPeriod => CurrentPeriodStart is not null && CurrentPeriodEnd is not null
        && Status is AccountStatus.Active or AccountStatus.Cancelled or AccountStatus.PaymentFailed;

    /// <summary>The period that the next charge covers, from the anchor date (month-end fall-back and return).</summary>
    public (DateOnly Start, DateOnly End) NextPeriod() =>
        (AnniversarySchedule.PeriodStart(AnchorDate, Plan.Cadence, PeriodIndex), AnniversarySchedule.PeriodStart(AnchorDate, Plan.Cadence, PeriodIndex + 1));

    public void RenewalInvoiced(DateOnly periodStart) => RenewalInvoicedFor = periodStart;

    /// <summary>
    /// Whether a card chosen at this time predates the latest choice applied or the latest move (which drops the card), so it
    /// is stale: chosen for the holder the account has left, it must not become the new holder's.
    /// </summary>
    public bool IsBeforeCardChoice(DateTimeOffset chosenAt) => IsOlder(chosenAt, CardChosenAt) || IsOlder(chosenAt, LastTransferAt);

    /// <summary>Charges go to this card from now on; false (nothing changes) when a later choice of card was applied already.</summary>
    public bool ChooseCard(Guid billingProfileId, DateTimeOffset chosenAt)
    {
        if (IsBeforeCardChoice(chosenAt))
        {
            return false;
        }
        CardChosenAt = AsStored(chosenAt);
        BillingProfileId = billingProfileId;
        return true;
    }

    /// <summary>
    /// The card an invoice of this payer is charged on: the account's card, except that an invoice the partner owes (a
    /// renewal in dunning) stays on the partner's remembered card after its client took over paying.
    /// </summary>
    public Guid? CardFor(string invoicePayer) =>
        invoicePayer == Payers.Partner && Payer != Payers.Partner && PartnerBillingProfileId is { } partnerCard ? partnerCard : BillingProfileId;

    /// <summary>A customer-paid account charged on its own card, the partner's card it was created with kept for a switch back.</summary>
    public void ChargeOwnCard(Guid ownCardId, Guid partnerCardId)
    {
        BillingProfileId = ownCardId;
        PartnerBillingProfileId = partnerCardId;
    }

    /// <summary>The named card is not one this account may be charged on: no card until a valid one is chosen.</summary>
    public void DropCard() => BillingProfileId = null;

    /// <summary>Notices go to this address from now on, unless a later change of it was applied already.</summary>
    public void NotifyAt(string notificationEmail, DateTimeOffset changedAt)
    {
        if (IsOlder(changedAt, NotificationEmailChangedAt))
        {
            return;
        }
        NotificationEmailChangedAt = AsStored(changedAt);
        NotificationEmail = notificationEmail;
    }

    /// <summary>
    /// Takes effect from the next invoice; the partner's own card is kept for a switch back. A customer-paid account is
    /// charged to the customer's own card only (PayerChanged): without one, never to the partner's card it leaves. False
    /// (nothing changes) for a payer change older than the one already applied.
    /// </summary>
    public bool PaidBy(string payer, Guid? billingProfileId, DateTimeOffset changedAt)
    {
        if (IsBeforePayerChange(changedAt))
        {
            return false;
        }
        PayerChangedAt = AsStored(changedAt);
        if (payer == Payers.Customer && Payer == Payers.Partner)
        {
            PartnerBillingProfileId = BillingProfileId;
        }
        // Back to the partner: its remembered card, never the customer's own card the account leaves.
        var unnamed = Payer == Payers.Customer ? PartnerBillingProfileId : BillingProfileId;
        Payer = payer;
        BillingProfileId = payer == Payers.Customer ? billingProfileId : billingProfileId ?? unnamed;
        return true;
    }

    /// <summary>
    /// Whether a change made at this time predates the latest payer change applied or the latest move (which sets the payer),
    /// so it is stale: a payer chosen under the former partner must not decide who pays the new one's invoices.
    /// </summary>
    public bool IsBeforePayerChange(DateTimeOffset at) => IsOlder(at, PayerChangedAt) || IsOlder(at, LastTransferAt);

    /// <summary>
    /// Whether a change made at <paramref name="changedAt"/> while <paramref name="payer"/> paid overtook the payer change
    /// before it (PayerChanged travels on another queue): Billing still has another payer and has applied no payer change
    /// (nor transfer, which sets the payer too) at or after it, so charging it now would bill the payer the account had
    /// left. The caller retries it until that payer change arrives. Never when a later change of who pays was applied (the
    /// one awaited can no longer come), nor for a change that names no payer (older publishers).
    /// </summary>
    public bool AwaitsPayerChangeBefore(string? payer, DateTimeOffset changedAt) =>
        payer is not null && payer != Payer
        && !IsAppliedSince(PayerChangedAt, changedAt)
        && !IsAppliedSince(LastTransferAt, changedAt);

    /// <summary>
    /// Whether the move-in that gave the account to <paramref name="partnerId"/> has not arrived yet. A plan change names the
    /// partner that held the account when it was made, and a stand-alone account cannot change plan; so a change naming
    /// another partner, made after the last transfer applied here, was made after a move-in still on its way. Charged now,
    /// it would be invoiced to the former partner. The caller retries it until the move-in is applied.
    /// </summary>
    public bool AwaitsMoveInBefore(Guid partnerId, DateTimeOffset changedAt) =>
        partnerId != PartnerId && !IsAppliedSince(LastTransferAt, changedAt);

    /// <summary>
    /// Whether the account moved (out or in) after a change made at <paramref name="changedAt"/>: that change was made by
    /// the partner and payer who held the account before the move, and concerns the account as they held it.
    /// </summary>
    public bool MovedSince(DateTimeOffset changedAt) => LastTransferAt is { } last && last > AsStored(changedAt);

    /// <summary>Whether the plan change numbered <paramref name="revision"/> was applied already (never for an unnumbered one).</summary>
    public bool HasAppliedPlanChange(int? revision) => revision is { } number && number <= PlanRevision;

    /// <summary>
    /// Whether an earlier plan change than the one numbered <paramref name="revision"/> has not arrived yet: the caller retries
    /// it until that one is applied. Never for an unnumbered change (older publishers).
    /// </summary>
    public bool AwaitsPlanChangeBefore(int? revision) => revision is { } number && number > PlanRevision + 1;

    /// <summary>
    /// Whether the account's first charge (its opening period, or the restart of a trial or expired account) is still under
    /// way. Accounts allows no plan change until that charge is paid, so a change arriving now was made after Billing's
    /// outcome and overtook it here: priced now, it would find no paid period and change the plan free. The caller retries it
    /// until the charge settles.
    /// </summary>
    public bool AwaitsFirstCharge => Status == AccountStatus.Pending;

    /// <summary>Records that the plan change numbered <paramref name="revision"/> was applied.</summary>
    public void PlanChangeApplied(int? revision)
    {
        if (revision is { } number && number > PlanRevision)
        {
            PlanRevision = number;
        }
    }

    /// <summary>The plan now in force (upgrade, added seats) and the one waiting for the next renewal, if any.</summary>
    public void ChangePlan(AccountPlan current, AccountPlan? scheduled)
    {
        Plan = current;
        Cadence = current.Cadence;
        ScheduledPlan = scheduled;
    }

    /// <summary>
    /// A cancelled account whose period ended by <paramref name="day"/>: expired in all but name (its expiry may not have
    /// reached Billing yet), so a new plan restarts it as it would an expired one.
    /// </summary>
    public bool HasRunOut(DateOnly day) => Status == AccountStatus.Cancelled && IsPastPeriodPaid(day);

    /// <summary>
    /// A trial turned paid, a new cadence or a new plan for an expired account: a new anniversary starts at the change date,
    /// first period to be charged. A status Accounts decided before the change (a trial's expiry heard late, on another
    /// queue) is then stale: it must not close the account the change restarted.
    /// </summary>
    public void Reanchor(AccountPlan plan, DateOnly anchor, DateTimeOffset changedAt)
    {
        ChangePlan(plan, null);
        RestartAnniversary(anchor);
        if (Status == AccountStatus.Trial || IsClosed || HasRunOut(anchor))
        {
            Status = AccountStatus.Pending;
        }
        if (!IsAppliedSince(StatusFollowedAt, changedAt))
        {
            StatusFollowedAt = AsStored(changedAt);
        }
    }

    /// <summary>At renewal a scheduled plan becomes the plan; a new cadence restarts the anniversary at this period's start.</summary>
    public void ApplyScheduledPlan()
    {
        if (ScheduledPlan is not { } scheduled)
        {
            return;
        }
        if (scheduled.Cadence != Plan.Cadence)
        {
            RestartAnniversary(NextPeriod().Start);
        }
        ChangePlan(scheduled, null);
    }

    /// <summary>The anniversary starts again on <paramref name="anchor"/>: the next period charged is the one starting that day.</summary>
    private void RestartAnniversary(DateOnly anchor)
    {
        AnchorDate = anchor;
        PeriodIndex = 0;
    }

    /// <summary>
    /// Follows the account's status where it decides billing: cancelled is not renewed, closed is never charged. A status
    /// change older than the latest transfer applied is stale (a late "transferred" must not close a moved-in account).
    /// </summary>
    public void FollowStatus(string status, DateTimeOffset changedAt)
    {
        if (IsOlder(changedAt, LastTransferAt) || IsOlder(changedAt, StatusFollowedAt))
        {
            return;
        }
        StatusFollowedAt = AsStored(changedAt);
        Status = (status, Status) switch
        {
            (_, AccountStatus.Transferred) => Status,
            (AccountStatuses.Cancelled, AccountStatus.Active or AccountStatus.PaymentFailed) => AccountStatus.Cancelled,
            (AccountStatuses.Active, AccountStatus.Cancelled) => AccountStatus.Active,
            (AccountStatuses.PaymentFailed, AccountStatus.Cancelled) => AccountStatus.PaymentFailed,
            (AccountStatuses.Expired, _) => AccountStatus.Expired,
            (AccountStatuses.Transferred, _) => AccountStatus.Transferred,
            _ => Status,
        };
    }

    /// <summary>The account left its agency; false (nothing changes) when a later transfer was already applied.</summary>
    public bool TransferredOut(DateTimeOffset transferredAt)
    {
        if (!IsNewerTransfer(transferredAt))
        {
            return false;
        }
        LastTransferAt = AsStored(transferredAt);
        Status = AccountStatus.Transferred;
        return true;
    }

    /// <summary>
    /// A stand-alone account joined a partner: from its next invoice it is billed to that partner. While a period paid before
    /// still runs, on the same anniversary; once it has ended (or there was none), from the move-in day: the next renewal run
    /// invoices the new partner's first period, never the periods the account spent stand-alone, which are not its to pay.
    /// It has no card of the new partner yet (the former partner's and the customer's are dropped): until the partner
    /// chooses one, a renewal fails like any card-less renewal. False (nothing changes) when a later transfer was applied.
    /// </summary>
    public bool TransferredIn(Guid partnerId, string name, AccountPlan plan, string payer, DateTimeOffset transferredAt)
    {
        if (!IsNewerTransfer(transferredAt))
        {
            return false;
        }
        LastTransferAt = AsStored(transferredAt);
        PartnerId = partnerId;
        Name = name;
        var cadenceBefore = Cadence;
        ChangePlan(plan, null);
        Payer = payer;
        BillingProfileId = null;
        PartnerBillingProfileId = null;
        Status = plan.Cadence == PlanCadences.Trial ? AccountStatus.Trial : AccountStatus.Active;
        if (plan.Cadence != PlanCadences.Trial)
        {
            var movedInOn = DateOnly.FromDateTime(transferredAt.UtcDateTime);
            var paidThrough = CurrentPeriodEnd is { } end && end > movedInOn ? end : movedInOn;
            if (paidThrough == movedInOn || Cadence != cadenceBefore)
            {
                // A new anniversary where what was paid ends: its first period is the next renewal.
                RestartAnniversary(paidThrough);
                CurrentPeriodEnd = paidThrough;
                RenewalInvoicedFor = null;
            }
        }
        return true;
    }

    private bool IsNewerTransfer(DateTimeOffset transferredAt) => LastTransferAt is not { } last || AsStored(transferredAt) > last;

    /// <summary>Whether a change made at <paramref name="at"/> predates the one of its kind applied at <paramref name="applied"/>, if any.</summary>
    private static bool IsOlder(DateTimeOffset at, DateTimeOffset? applied) => applied is { } last && AsStored(at) < last;

    /// <summary>Whether a change of the kind applied at <paramref name="applied"/>, if any, was made at or after <paramref name="at"/>.</summary>
    private static bool IsAppliedSince(DateTimeOffset? applied, DateTimeOffset at) => applied is { } last && last >= AsStored(at);

    /// <summary>An event's time as PostgreSQL keeps it (whole microseconds, UTC), so a stored time compares with a redelivered one.</summary>
    private static DateTimeOffset AsStored(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>
    /// A period's invoice is paid: the account runs through its end. A cancelled one stays cancelled (a switch to annual
    /// paid after the cancellation was heard): it runs to the end of the year paid for and is never renewed.
    /// </summary>
    public void PeriodPaid(DateOnly start, DateOnly end)
    {
        if (Status != AccountStatus.Cancelled)
        {
            Status = AccountStatus.Active;
        }
        CurrentPeriodStart = start;
        CurrentPeriodEnd = end;
        PeriodIndex++;
    }

    public void ChargeFailed(bool final)
    {
        if (final)
        {
            Status = AccountStatus.Expired;
        }
        else if (Status is AccountStatus.Pending or AccountStatus.Active)
        {
            Status = AccountStatus.PaymentFailed;
        }
    }
}
