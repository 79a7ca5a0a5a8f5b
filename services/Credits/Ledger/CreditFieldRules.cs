using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Ledger;

/// <summary>The field rules every credit movement's request shares.</summary>
public static class CreditFieldRules
{
    public static ValidationErrors RequireQuantity(this ValidationErrors errors, long? quantity) =>
        errors.When(quantity is null or <= 0, "quantity", "quantity must be a positive whole number.");

    public static ValidationErrors RequireAccountId(this ValidationErrors errors, string? accountId) =>
        errors.When(string.IsNullOrWhiteSpace(accountId), "account_id", "account_id is required.");
}
