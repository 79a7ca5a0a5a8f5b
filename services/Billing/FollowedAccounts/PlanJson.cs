using System.Text.Json;

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

using Reseller.Contracts.Accounts;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>Stores the plan contract as jsonb; it is read whole and never queried by part.</summary>
public static class PlanJson
{
    public static readonly ValueConverter<AccountPlan, string> Converter = new(
        plan => JsonSerializer.Serialize(plan, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<AccountPlan>(json, JsonSerializerOptions.Default)!);
}
