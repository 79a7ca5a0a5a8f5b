namespace Reseller.Contracts.Billing;

/// <summary>Why an invoice was issued, so each consumer reacts only to the ones it cares about.</summary>
public static class InvoicePurposes
{
    public const string FirstPeriod = "first_period";
    public const string Renewal = "renewal";

    /// <summary>The rest of the current period for what an upgrade or added seats add, prorated.</summary>
    public const string Proration = "proration";

    /// <summary>A new period started by a plan change itself (a new cadence, or an expired account given a new plan).</summary>
    public const string PlanChange = "plan_change";

    /// <summary>A pack of credits bought by the partner; the credits appear when it is paid.</summary>
    public const string CreditPurchase = "credit_purchase";
}
