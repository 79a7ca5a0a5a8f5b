using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.DomainEvents;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>A resold account. Paid accounts wait in Pending until Billing reports the first charge.</summary>
public sealed partial class Account : AggregateRoot
{
    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public string Name { get; private set; } = "";
    public string? CustomDomain { get; private set; }
    public Customer Customer { get; private set; } = new();
    public string NotificationEmail { get; private set; } = "";
    public string Language { get; private set; } = "";
    public string TimeZone { get; private set; } = "";
    public Plan Plan { get; private set; } = new();
    public Guid? BillingProfileId { get; private set; }
    public string Payer { get; private set; } = Payers.Partner;
    public AccountStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CurrentPeriodEnd { get; private set; }
    public uint Version { get; private set; }

    /// <summary>
    /// True while the account waits for the charge that opens it: a new paid account, or a trial or expired account given a
    /// paid plan. A failed charge then leaves it <c>payment_failed</c> without ever having been paid, so still closed.
    /// </summary>
    public bool AwaitsOpeningCharge { get; private set; }

    private Account()
    {
    }

    /// <summary>A new account: a trial runs for the catalog's <paramref name="trialDays"/>, a paid one waits for its first charge.</summary>
    public static Account Create(NewAccount details, DateTimeOffset now, int trialDays)
    {
        var isTrial = details.Plan.Cadence == PlanCadences.Trial;
        return new Account
        {
            Id = Guid.CreateVersion7(),
            PartnerId = details.PartnerId,
            Name = details.Name,
            CustomDomain = details.CustomDomain,
            Customer = details.Customer,
            NotificationEmail = details.NotificationEmail,
            Language = details.Language,
            TimeZone = details.TimeZone,
            Plan = details.Plan,
            BillingProfileId = details.BillingProfileId,
            Payer = details.Payer,
            Status = isTrial ? AccountStatus.Trial : AccountStatus.Pending,
            AwaitsOpeningCharge = !isTrial,
            CreatedAt = now,
            CurrentPeriodEnd = isTrial ? now.AddDays(trialDays) : null,
        };
    }

    /// <summary>Applies the partner's changes; returns true when the billing profile changed.</summary>
    public bool Apply(AccountSettings settings)
    {
        EnsurePartnerMayNameCard(settings.BillingProfileId);
        NotificationEmail = settings.NotificationEmail ?? NotificationEmail;
        Language = settings.Language ?? Language;
        TimeZone = settings.TimeZone ?? TimeZone;
        CustomDomain = settings.CustomDomain ?? CustomDomain;
        if (settings.BillingProfileId is not { } profile || profile == BillingProfileId)
        {
            return false;
        }
        BillingProfileId = profile;
        return true;
    }

    /// <summary>The first charge settled: the account becomes usable until the end of the paid period.</summary>
    public bool ActivateAfterFirstCharge(DateTimeOffset periodEnd)
    {
        if (Status is not (AccountStatus.Pending or AccountStatus.PaymentFailed))
        {
            return false;
        }
        ChangeStatus(AccountStatus.Active);
        AwaitsOpeningCharge = false;
        CurrentPeriodEnd = periodEnd;
        return true;
    }

    /// <summary>
    /// Whether a renewal paid up to <paramref name="periodEnd"/> came after the account expired without it: it expired at the
    /// end of its last period (cancelled, or its dunning ran out) before the payment reached it, so it never runs the period
    /// paid for, and the payment is to be given back.
    /// </summary>
    public bool ExpiredBeforeRenewal(DateTimeOffset periodEnd) => Status == AccountStatus.Expired && !(CurrentPeriodEnd >= periodEnd);

    /// <summary>
    /// A renewal was paid (at once or by a dunning retry): the account runs to the new period end. One cancelled meanwhile
    /// stays cancelled, to the end of the period it paid for: Billing voids and refunds a renewal whose cancellation reached
    /// it first, so a paid one was paid before the cancellation reached Billing, and the partner keeps what it paid for.
    /// </summary>
    public bool RenewalPaid(DateTimeOffset periodEnd)
    {
        if (Status is not (AccountStatus.Active or AccountStatus.PaymentFailed or AccountStatus.Cancelled) || CurrentPeriodEnd >= periodEnd)
        {
            return false;
        }
        if (Status != AccountStatus.Cancelled)
        {
            ChangeStatus(AccountStatus.Active);
        }
        AwaitsOpeningCharge = false;
        CurrentPeriodEnd = periodEnd;
        return true;
    }

    /// <summary>
    /// A charge for one of the account's periods failed (its first, a renewal, or one a plan change started), or an upgrade's
    /// proration failed for the last time. A failure of a period the account already runs through changes nothing: that
    /// invoice was paid meanwhile (a dunning retry, a partner paying at once) and its InvoicePaid was consumed first, as
    /// events published together may be.
    /// </summary>
    public bool ChargeFailed(string purpose, bool final, DateOnly? periodEnd)
    {
        if (purpose == InvoicePurposes.Proration)
        {
            // An upgrade applied at once whose proration was never paid after every retry: the account stops, as for any
            // unpaid charge, instead of running on the upgrade for free. Its earlier failures change nothing.
            return final && RenewalFailed(final: true);
        }
        if (periodEnd is { } end && CurrentPeriodEnd >= PeriodEndOf(end))
        {
            return false;
        }
        return purpose switch
        {
            InvoicePurposes.FirstPeriod => MarkFirstChargeFailed(),
            InvoicePurposes.PlanChange => PlanChangeChargeFailed(final),
            _ => RenewalFailed(final),
        };
    }

    /// <summary>When a period Billing invoiced through <paramref name="invoicedPeriodEnd"/> ends here: at that day's start, UTC.</summary>
    public static DateTimeOffset PeriodEndOf(DateOnly invoicedPeriodEnd) => new(invoicedPeriodEnd.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>A renewal charge failed: payment_failed while retries remain, expired after the last one.</summary>
    public bool RenewalFailed(bool final)
    {
        if (Status is not (AccountStatus.Active or AccountStatus.PaymentFailed))
        {
            return false;
        }
        ChangeStatus(final ? AccountStatus.Expired : AccountStatus.PaymentFailed);
        return true;
    }

    public bool MarkFirstChargeFailed()
    {
        if (Status != AccountStatus.Pending)
        {
            return false;
        }
        ChangeStatus(AccountStatus.PaymentFailed);
        return true;
    }

    /// <summary>
    /// Every status change goes through here and raises <see cref="AccountStatusChangedDomainEvent"/>, so no path can forget
    /// its event. Only the first change of a unit of work is raised: its recorder compares that status with the final one.
    /// </summary>
    private void ChangeStatus(AccountStatus status)
    {
        if (status != Status && !DomainEvents.OfType<AccountStatusChangedDomainEvent>().Any())
        {
            Raise(new AccountStatusChangedDomainEvent(this, Status, PartnerId));
        }
        Status = status;
    }
}
