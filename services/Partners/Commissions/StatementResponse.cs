using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Commissions;

public sealed record StatementResponse(
    string Id,
    string PartnerId,
    string Month,
    MoneyAmount Total,
    int LineCount,
    string Status,
    string? PayoutReference,
    DateTimeOffset? PaidAt,
    DateTimeOffset ClosedAt,
    IReadOnlyList<EarningResponse>? Lines,
    string? PayoutBatchId = null,
    string? PayoutFailure = null,
    MoneyAmount? CarriedIn = null,
    string? CarriedInto = null)
{
    public const string IdPrefix = "cst";

    public static StatementResponse From(Statement s, IReadOnlyList<EarningResponse>? lines = null) => new(
        PublicId.Format(IdPrefix, s.Id), PublicId.Format("prt", s.PartnerId), CommissionMonth.Format(s.Month), new MoneyAmount(s.Total, s.Currency),
        s.LineCount, s.Status, s.PayoutReference, s.PaidAt, s.ClosedAt, lines,
        s.PayoutBatchId is { } batch ? PublicId.Format(Payouts.PayoutBatches.IdPrefix, batch) : null, s.PayoutFailure,
        new MoneyAmount(s.CarriedIn, s.Currency), s.CarriedIntoId is { } into ? PublicId.Format(IdPrefix, into) : null);
}
