using System.ComponentModel;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Commissions;
using Reseller.Partners.Data;
using Reseller.Partners.Organisations;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Administration;

/// <summary>The operator's payout queue: every partner's commission statements, to pay with POST …/statements/{id}/payout.</summary>
public static class OperatorStatementsApi
{
    private static readonly string[] Statuses = [StatementStatus.Pending, StatementStatus.Held, StatementStatus.Paid, StatementStatus.Processing, StatementStatus.CarriedForward];

    public static IEndpointRouteBuilder MapOperatorStatementsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/admin/commission-statements", ListAsync).WithTags("Operator").WithName("OperatorListCommissionStatements").WithSummary("List every partner's commission statements (operator)")
            .RequireAuthorization(PlatformPolicies.Operator);
        return app;
    }

    /// <summary>
    /// Statements oldest first, keyset paged, without their lines; <c>status</c> is <c>pending</c> (ready to pay),
    /// <c>held</c> (no PayPal e-mail yet), <c>processing</c>, <c>paid</c>, <c>carried_forward</c> (closed negative, netted by a
    /// later statement) or <c>all</c> (the default); <c>partner_id</c> narrows to one partner.
    /// </summary>
    public static async Task<Ok<Page<StatementResponse>>> ListAsync(
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "partner_id")] string? partnerId,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery(Name = "page_token")] string? pageToken,
        PartnersDb db,
        CancellationToken cancellationToken)
    {
        Guid? partner = null;
        new ValidationErrors()
            .When(status is not null && status != "all" && !Statuses.Contains(status), "status", "status must be pending, held, processing, paid, carried_forward or all.")
            .When(partnerId is not null && !PublicId.TryParse(PartnerResponse.IdPrefix, partnerId, out partner), "partner_id", "partner_id must be a partner id (prt_…).")
            .ThrowIfAny();

        var query = db.Statements.AsNoTracking();
        if (status is not (null or "all"))
        {
            query = query.Where(s => s.Status == status);
        }
        if (partner is { } onlyPartner)
        {
            query = query.Where(s => s.PartnerId == onlyPartner);
        }
        return TypedResults.Ok(await KeysetPage.ReadAsync(query, s => s.Id, ListSortDirection.Ascending, pageSize, pageToken, s => StatementResponse.From(s), cancellationToken));
    }
}
