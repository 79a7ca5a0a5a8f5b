using Reseller.Contracts.Catalog;

namespace Reseller.Contracts.Accounts;

/// <summary>
/// DOMAIN.md's paid account, which the reseller discount (<see cref="ResellerDiscount"/>) counts: paid by the partner,
/// monthly or annual, and active, cancelled (not yet expired) or payment_failed. Billing counts it when charging and
/// Partners when showing the partner's standing, each over its own copy of the accounts.
/// </summary>
public static class PaidAccounts
{
    public const string Payer = Payers.Partner;

    public static readonly IReadOnlyList<string> Cadences = [PlanCadences.Monthly, PlanCadences.Annual];

    public static readonly IReadOnlyList<AccountStatus> Statuses = [AccountStatus.Active, AccountStatus.Cancelled, AccountStatus.PaymentFailed];

    /// <summary><see cref="Statuses"/> by the names they travel under in events.</summary>
    public static readonly IReadOnlyList<string> StatusNames = [.. Statuses.Select(AccountStatuses.NameOf)];

    public static bool IsPaid(string payer, string cadence, AccountStatus status) =>
        payer == Payer && Cadences.Contains(cadence) && Statuses.Contains(status);

    public static bool IsPaid(string payer, string cadence, string status) =>
        payer == Payer && Cadences.Contains(cadence) && StatusNames.Contains(status);
}
