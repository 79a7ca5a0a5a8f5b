using System.ComponentModel;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;
using Reseller.Partners.Organisations;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Partners.Administration;

/// <summary>The operator's view of the partners: search and page through them, suspend and reactivate one.</summary>
public static class OperatorPartnersApi
{
    public const int MaxSearchLength = 200;

    public static IEndpointRouteBuilder MapOperatorPartnersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/partners").WithTags("Operator").RequireAuthorization(PlatformPolicies.Operator);
        api.MapGet("", ListAsync).WithName("OperatorListPartners").WithSummary("List and search partners (operator)");
        api.MapGet("/{id}", GetAsync).WithName("OperatorGetPartner").WithSummary("Read a partner (operator)");
        api.MapPost("/{id}/suspend", SuspendAsync).WithName("SuspendPartner").WithSummary("Suspend a partner: its users cannot sign in and its keys are refused");
        api.MapPost("/{id}/reactivate", ReactivateAsync).WithName("ReactivatePartner").WithSummary("Reactivate a suspended partner");
        return app;
    }

    /// <summary>
    /// Partners oldest first, keyset paged. <c>q</c> matches a part of the name or e-mail (case-insensitive) or a whole partner
    /// id; <c>status</c> is <c>active</c>, <c>suspended</c> or <c>all</c> (the default).
    /// </summary>
    public static async Task<Ok<Page<PartnerResponse>>> ListAsync(
        [FromQuery(Name = "q")] string? q,
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery(Name = "page_token")] string? pageToken,
        PartnersDb db,
        CancellationToken cancellationToken)
    {
        var search = q?.Trim();
        new ValidationErrors()
            .When(search is { Length: > MaxSearchLength }, "q", $"q must be at most {MaxSearchLength} characters.")
            .When(status is not (null or "all" or PartnerStatus.Active or PartnerStatus.Suspended), "status", "status must be active, suspended or all.")
            .ThrowIfAny();

        var query = db.Partners.AsNoTracking();
        if (status is PartnerStatus.Active or PartnerStatus.Suspended)
        {
            query = query.Where(p => p.Status == status);
        }
        if (!string.IsNullOrEmpty(search))
        {
            if (PublicId.TryParse(PartnerResponse.IdPrefix, search, out var partnerId))
            {
                query = query.Where(p => p.Id == partnerId);
            }
            else
            {
                var pattern = "%" + EscapeLike(search) + "%";
                query = query.Where(p => EF.Functions.ILike(p.Name, pattern, "\\") || EF.Functions.ILike(p.Email, pattern, "\\"));
            }
        }
        return TypedResults.Ok(await KeysetPage.ReadAsync(query, p => p.Id, ListSortDirection.Ascending, pageSize, pageToken, PartnerResponse.From, cancellationToken));
    }

    public static async Task<Ok<PartnerResponse>> GetAsync(string id, PartnersDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(PartnerResponse.From(await FindAsync(db, id, cancellationToken)));

    /// <summary>
    /// Suspends the partner: its users cannot sign in (403 <c>partner-suspended</c>), every session of theirs ends at once and
    /// its API keys are refused (401). Nothing is deleted. Suspending a suspended partner changes nothing.
    /// </summary>
    public static async Task<Ok<PartnerResponse>> SuspendAsync(
        string id, PartnersDb db, SessionStamps sessions, TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var partner = await FindAsync(db, id, cancellationToken);
        var now = clock.GetUtcNow();
        if (partner.Suspend(now))
        {
            var users = await db.Users.Where(u => u.PartnerId == partner.Id).Select(u => u.Id).ToListAsync(cancellationToken);
            foreach (var user in users)
            {
                await sessions.EndAsync(db, user.ToString(), now, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            logs.CreateLogger(typeof(OperatorPartnersApi)).LogInformation("Partner {PartnerId} suspended; {Users} users' sessions ended", partner.Id, users.Count);
        }
        return TypedResults.Ok(PartnerResponse.From(partner));
    }

    /// <summary>Lets the partner's users sign in and its API keys work again; tokens ended by the suspension stay ended.</summary>
    public static async Task<Ok<PartnerResponse>> ReactivateAsync(string id, PartnersDb db, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var partner = await FindAsync(db, id, cancellationToken);
        if (partner.Reactivate())
        {
            await db.SaveChangesAsync(cancellationToken);
            logs.CreateLogger(typeof(OperatorPartnersApi)).LogInformation("Partner {PartnerId} reactivated", partner.Id);
        }
        return TypedResults.Ok(PartnerResponse.From(partner));
    }

    private static async Task<Partner> FindAsync(PartnersDb db, string id, CancellationToken cancellationToken) =>
        PublicId.TryParse(PartnerResponse.IdPrefix, id, out var partnerId)
            ? await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken) ?? throw ProblemException.NotFound("partner")
            : throw ProblemException.NotFound("partner");

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
