using Reseller.Contracts.Catalog;
using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Purchases;

/// <summary>A pack of the route's credit kind, checked against that kind's packs in the catalog.</summary>
public sealed record PurchaseRequest(long? Pack, string? AccountId) : IValidatedRequest<(CreditKind Kind, IReadOnlyList<CreditPack> Packs)>
{
    public void Validate(ValidationErrors errors, (CreditKind Kind, IReadOnlyList<CreditPack> Packs) offer) => errors
        .When(Pack is null, "pack", "pack is required.")
        .When(Pack is { } p && offer.Packs.All(x => x.Size != p), "pack", $"pack must be one of {string.Join(", ", offer.Packs.Select(x => x.Size))}.")
        .When(AccountId is not null && offer.Kind != CreditKind.Prepaid, "account_id", "Only prepaid credit is earmarked for an account; assign sms and compatibility credit instead.");
}
