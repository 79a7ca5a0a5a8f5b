using System.ComponentModel;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Partners;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Commissions;

public static class CommissionsApi
{
    public static IEndpointRouteBuilder MapCommissionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/commissions").WithTags("Commissions").RequireAuthorization(PlatformPolicies.PartnerBilling);
        api.MapGet("", GetMonthAsync).WithName("GetMonthCommissions").WithSummary("List a month's commission earnings");
        api.MapGet("/statements", ListStatementsAsync).WithName("ListCommissionStatements").WithSummary("List monthly commission statements");
        api.MapGet("/statements/{id}", GetStatementAsync).WithName("GetCommissionStatement").WithSummary("Read one commission statement");

        var admin = app.MapGroup("/api/v1/admin/commissions").WithTags("Operator").RequireAuthorization(PlatformPolicies.Operator);
        admin.MapPost("/statements/{id}/payout", PayOutAsync).WithName("PayOutCommissionStatement").WithSummary("Record the payout of a commission statement");
        return app;
    }

    /// <summary>A month's earnings, paged (page_size/page_token) in earning order; the total is always the whole month's.</summary>
    public static async Task<Ok<MonthEarningsResponse>> GetMonthAsync(
        string? month, [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "page_token")] string? pageToken,
        ClaimsPrincipal user, PartnersDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var wanted = CommissionMonth.Parse(month, clock.GetUtcNow());
        var monthEarnings = db.Earnings.AsNoTracking().Where(e => e.PartnerId == partnerId && e.Month == wanted);
        var page = await KeysetPage.ReadAsync(monthEarnings, e => e.Id, ListSortDirection.Ascending, pageSize, pageToken, e => e, cancellationToken);
        var total = await monthEarnings.SumAsync(e => e.Amount, cancellationToken);
        var statement = await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.PartnerId == partnerId && s.Month == wanted, cancellationToken);
        var currency = page.Data.Count > 0 ? page.Data[0].Currency : (await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, cancellationToken)).Currency;
        return TypedResults.Ok(new MonthEarningsResponse(
            CommissionMonth.Format(wanted),
            new MoneyAmount(total, currency),
            statement is null ? null : PublicId.Format(StatementResponse.IdPrefix, statement.Id),
            page.Data.Select(EarningResponse.From).ToList(),
            page.NextPageToken));
    }

    public static async Task<Ok<Page<StatementResponse>>> ListStatementsAsync(
        [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "page_token")] string? pageToken, ClaimsPrincipal user, PartnersDb db, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var statements = db.Statements.AsNoTracking().Where(s => s.PartnerId == partnerId);
        return TypedResults.Ok(await KeysetPage.ReadAsync(
            statements, s => s.Id, ListSortDirection.Descending, pageSize, pageToken, s => StatementResponse.From(s), cancellationToken));
    }

    public static async Task<Results<Ok<StatementResponse>, NotFound>> GetStatementAsync(
        string id, ClaimsPrincipal user, PartnersDb db, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        if (!PublicId.TryParse(StatementResponse.IdPrefix, id, out var statementId)
            || await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == statementId && s.PartnerId == partnerId, cancellationToken) is not { } statement)
        {
            return TypedResults.NotFound();
        }
        var lines = await db.Earnings.AsNoTracking().Where(e => e.StatementId == statement.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(StatementResponse.From(statement, lines.Select(EarningResponse.From).ToList()));
    }

    public static async Task<Results<Ok<StatementResponse>, NotFound>> PayOutAsync(
        string id, PayoutRequest request, PartnersDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        if (!PublicId.TryParse(StatementResponse.IdPrefix, id, out var statementId)
            || await db.Statements.FirstOrDefaultAsync(s => s.Id == statementId, cancellationToken) is not { } statement)
        {
            return TypedResults.NotFound();
        }
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == statement.PartnerId, cancellationToken);
        var now = clock.GetUtcNow();
        var anotherMonthOwedBack = await db.Statements.OwedBack()
            .AnyAsync(o => o.PartnerId == statement.PartnerId && o.Currency == statement.Currency && o.Id != statement.Id, cancellationToken);
        statement.MarkPaid(request.PayoutReference!.Trim(), now, anotherMonthOwedBack);
        db.Publish(new CommissionStatementPaid(statement.Id, statement.PartnerId, statement.Month, statement.Total, statement.Currency,
            statement.PayoutReference!, partner.PaypalEmail ?? "", now), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(StatementResponse.From(statement));
    }
}
