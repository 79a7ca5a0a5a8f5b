using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Catalog;

namespace Reseller.Billing.Accounts;

/// <summary>Billing's own view of a resold account: what to charge, to whom, and when it renews.</summary>
public sealed class BilledAccount
{
    public Guid AccountId { get; private set; }
    public Guid PartnerId { get; private set; }
    public AccountPlan Plan { get; private set; } = null!;
    public string Cadence { get; private set; } = "";
    public string Payer { get; private set; } = Payers.Partner;
    public Guid? BillingProfileId { get; private set; }
    public BilledAccountStatus Status { get; private set; }
    public DateOnly AnchorDate { get; private set; }
    public int PeriodIndex { get; private set; }
    public DateOnly? CurrentPeriodStart { get; private set; }
    public DateOnly? CurrentPeriodEnd { get; private set; }

    /// <summary>The start of the last period a renewal invoice was issued for; updating it is what claims the renewal.</summary>
    public DateOnly? RenewalInvoicedFor { get; private set; }
    public uint Version { get; private set; }

    private BilledAccount()
    {
    }

    public static BilledAccount From(AccountCreated created) => new()
    {
        AccountId = created.AccountId,
        PartnerId = created.PartnerId,
        Plan = created.Plan,
        Cadence = created.Plan.Cadence,
        Payer = created.Payer,
        BillingProfileId = created.BillingProfileId,
        Status = created.Plan.Cadence == PlanCadences.Trial ? BilledAccountStatus.Trial : BilledAccountStatus.Pending,
        AnchorDate = DateOnly.FromDateTime(created.CreatedAt.UtcDateTime),
    };

    /// <summary>The period that the next charge covers, from the anchor date (month-end fall-back and return).</summary>
    public (DateOnly Start, DateOnly End) NextPeriod() =>
        (AnniversarySchedule.PeriodStart(AnchorDate, Plan.Cadence, PeriodIndex), AnniversarySchedule.PeriodStart(AnchorDate, Plan.Cadence, PeriodIndex + 1));

    public void RenewalInvoiced(DateOnly periodStart) => RenewalInvoicedFor = periodStart;

    public void ChargeTo(Guid billingProfileId) => BillingProfileId = billingProfileId;

    public void PeriodPaid(DateOnly start, DateOnly end)
    {
        Status = BilledAccountStatus.Active;
        CurrentPeriodStart = start;
        CurrentPeriodEnd = end;
        PeriodIndex++;
    }

    public void ChargeFailed(bool final)
    {
        if (final)
        {
            Status = BilledAccountStatus.Expired;
        }
        else if (Status is BilledAccountStatus.Pending or BilledAccountStatus.Active)
        {
            Status = BilledAccountStatus.PaymentFailed;
        }
    }
}
