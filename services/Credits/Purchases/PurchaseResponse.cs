using System.Text.Json;
using System.Text.Json.Serialization;

using Reseller.Credits.FollowedAccounts;
using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Credits.Purchases;

/// <summary>
/// A purchase: pending until Billing charges its invoice, failed when the charge was refused (failure_code says why),
/// completed once the invoice is paid and the pack credited (a failure before that stays visible in failed_at). The order's
/// answer also carries the invoice as Billing shows it.
/// </summary>
public sealed record PurchaseResponse(
    string Id,
    string Kind,
    long Pack,
    string? AccountId,
    string Status,
    string? InvoiceId,
    string? FailureCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FailedAt,
    DateTimeOffset? CompletedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Invoice = null)
{
    public const string IdPrefix = "cp";
    public const string InvoiceIdPrefix = "inv";

    public static PurchaseResponse From(CreditPurchase p, JsonElement? invoice = null) => new(
        PublicId.Format(IdPrefix, p.Id),
        CreditKindNames.Name(p.Kind),
        p.Pack,
        p.AccountId is { } a ? PublicId.Format(AccountDirectory.IdPrefix, a) : null,
        PurchaseStatuses.Name(p.Status),
        p.InvoiceId is { } i ? PublicId.Format(InvoiceIdPrefix, i) : null,
        p.FailureCode,
        p.CreatedAt,
        p.FailedAt,
        p.CreditedAt,
        invoice);
}
