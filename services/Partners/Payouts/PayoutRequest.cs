using Reseller.Partners.Commissions;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Payouts;

/// <summary>POST /admin/payouts: the statements to pay (<c>cst_…</c>), or every pending one when absent.</summary>
public sealed record StartPayoutRequest(IReadOnlyList<string>? StatementIds) : IValidatedRequest
{
    public const int MaxStatements = 500;

    public void Validate(ValidationErrors errors) => errors
        .When(StatementIds is { Count: 0 or > MaxStatements }, "statement_ids", $"statement_ids must list 1 to {MaxStatements} statements, or be left out to pay every pending one.")
        .When(StatementIds is not null && StatementIds.Any(id => !PublicId.TryParse(StatementResponse.IdPrefix, id, out _)), "statement_ids", "statement_ids must be statement ids (cst_…).");

    public IReadOnlyCollection<Guid>? Ids() =>
        StatementIds?.Select(id => PublicId.TryParse(StatementResponse.IdPrefix, id, out var guid) ? guid!.Value : Guid.Empty).ToList();
}
