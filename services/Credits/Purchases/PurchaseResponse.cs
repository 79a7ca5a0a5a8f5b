using System.Text.Json;

namespace Reseller.Credits.Purchases;

/// <summary>A purchase and the invoice Billing issued for it (as Billing shows it); status turns credited once it is paid.</summary>
public sealed record PurchaseResponse(string Id, string Kind, long Pack, string? AccountId, string Status, JsonElement Invoice)
{
    public const string IdPrefix = "cp";
}
