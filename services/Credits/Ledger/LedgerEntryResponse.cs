using Reseller.Credits.FollowedAccounts;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Credits.Ledger;

/// <summary>One ledger entry: account_id null is the partner's pool; quantity is signed (cents for prepaid, units otherwise).</summary>
public sealed record LedgerEntryResponse(string Id, string Kind, string Type, string? AccountId, long Quantity, string Reference, DateTimeOffset CreatedAt)
{
    public const string IdPrefix = "led_";

    public static LedgerEntryResponse From(LedgerEntry e) => new(
        IdPrefix + e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CreditKindNames.Name(e.Kind),
        e.EntryType,
        e.AccountId is { } a ? PublicId.Format(AccountDirectory.IdPrefix, a) : null,
        e.Quantity,
        e.Reference,
        e.CreatedAt);
}
