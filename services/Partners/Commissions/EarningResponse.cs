using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Commissions;

public sealed record EarningResponse(string Id, string Kind, string? AccountId, string InvoiceId, string InvoiceNumber, MoneyAmount InvoiceTotal, MoneyAmount Amount, DateTimeOffset EarnedAt)
{
    public const string IdPrefix = "ern";

    public static EarningResponse From(Earning e) => new(
        PublicId.Format(IdPrefix, e.Id), e.Kind, e.AccountId is { } a ? PublicId.Format("acc", a) : null, PublicId.Format("inv", e.InvoiceId),
        e.InvoiceNumber, new MoneyAmount(e.InvoiceTotal, e.Currency), new MoneyAmount(e.Amount, e.Currency), e.EarnedAt);
}
