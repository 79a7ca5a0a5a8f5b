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
        var size = PageSize.From(pageSize);
        var monthEarnings = db.Earnings.AsNoTracking().Where(e => e.PartnerId == partnerId && e.Month == wanted);
        var query = monthEarnings;
        if (Users.KeysetPage.After(EarningResponse.IdPrefix, pageToken) is { } after)
        {
            query = query.Where(e => e.Id.CompareTo(after) > 0);
        }
        var lines = await query.OrderBy(e => e.Id).Take(size + 1).ToListAsync(cancellationToken);
        var total = await monthEarnings.SumAsync(e => e.Amount, cancellationToken);
        var statement = await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.PartnerId == partnerId && s.Month == wanted, cancellationToken);
        var currency = lines.FirstOrDefault()?.Currency ?? (await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, cancellationToken)).Currency;
        var page = Users.KeysetPage.From(lines, size, e => e.Id, EarningResponse.IdPrefix, EarningResponse.From);
        return TypedResults.Ok(new MonthEarningsResponse(
            CommissionMonth.Format(wanted),
            new MoneyAmount(total, currency),
            statement is null ? null : PublicId.Format(StatementResponse.IdPrefix, statement.Id),
            page.Data,
            page.NextPageToken));
    }

    public static async Task<Ok<Page<StatementResponse>>> ListStatementsAsync(
        [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "page_token")] string? pageToken, ClaimsPrincipal user, PartnersDb db, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var size = PageSize.From(pageSize);
        var query = db.Statements.AsNoTracking().Where(s => s.PartnerId == partnerId);
        if (pageToken is not null)
        {
            if (!PublicId.TryParse(StatementResponse.IdPrefix, pageToken, out var after))
            {
                throw ServiceDefaults.Problems.ValidationErrors.Reject("page_token", "page_token is not one this API gave.");
            }
            query = query.Where(s => s.Id.CompareTo(after.Value) < 0);
        }
        var statements = await query.OrderByDescending(s => s.Id).Take(size + 1).ToListAsync(cancellationToken);
        var next = statements.Count > size ? PublicId.Format(StatementResponse.IdPrefix, statements[size - 1].Id) : null;
        return TypedResults.Ok(new Page<StatementResponse>(statements.Take(size).Select(s => StatementResponse.From(s)).ToList(), next));
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
        request.Validate();
        if (!PublicId.TryParse(StatementResponse.IdPrefix, id, out var statementId)
            || await db.Statements.FirstOrDefaultAsync(s => s.Id == statementId, cancellationToken) is not { } statement)
        {
            return TypedResults.NotFound();
        }
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == statement.PartnerId, cancellationToken);
        var now = clock.GetUtcNow();
        statement.MarkPaid(request.PayoutReference!.Trim(), now);
        db.Publish(new CommissionStatementPaid(statement.Id, statement.PartnerId, statement.Month, statement.Total, statement.Currency,
            statement.PayoutReference!, partner.PaypalEmail ?? "", now), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(StatementResponse.From(statement));
    }
}
