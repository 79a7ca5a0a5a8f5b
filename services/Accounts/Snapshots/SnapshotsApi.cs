using System.ComponentModel;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Audit;
using Reseller.Accounts.Customization;
using Reseller.Accounts.Data;
using Reseller.Accounts.Users;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Snapshots;

public static class SnapshotsApi
{
    public static IEndpointRouteBuilder MapSnapshotsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/accounts/{id}/snapshots").WithTags("Snapshots").RequireAuthorization(PlatformPolicies.Partner);
        api.MapPost("", CreateAsync).WithName("CreateSnapshot").WithSummary("Take a snapshot of an account's configuration");
        api.MapGet("", ListAsync).WithName("ListSnapshots").WithSummary("List an account's snapshots");
        return app;
    }

    public static async Task<Created<SnapshotResponse>> CreateAsync(
        string id,
        CreateSnapshotRequest? request,
        ClaimsPrincipal user,
        AccountsDb db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var account = await db.FindOwnedAsync(id, user, cancellationToken);
        request?.ThrowIfInvalid();
        var customization = await db.Set<AccountCustomization>().AsNoTracking().FirstOrDefaultAsync(c => c.AccountId == account.Id, cancellationToken);
        var plan = account.Plan;
        var content = new SnapshotContent(
            new PlanRequest(plan.Product, plan.Tier, plan.Contacts, plan.Seats, plan.AddOns.Select(a => new AddOnRequest(a.Code, a.Quantity)).ToList(), plan.Cadence),
            customization?.Branding ?? Branding.None,
            new SnapshotSettings(account.Language, account.TimeZone),
            customization?.Templates ?? []);
        var now = clock.GetUtcNow();
        var snapshot = AccountSnapshot.Create(account.Id, account.PartnerId, request?.Label?.Trim(), content, now);
        db.Add(snapshot);
        db.Record(account.Id, user, AuditActions.SnapshotCreated, now, SnapshotResponse.From(snapshot).Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/accounts/{id}/snapshots", SnapshotResponse.From(snapshot));
    }

    /// <summary>The account's snapshots, newest first.</summary>
    public static async Task<Ok<Page<SnapshotResponse>>> ListAsync(
        string id,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery(Name = "page_token")] string? pageToken,
        ClaimsPrincipal user,
        AccountsDb db,
        CancellationToken cancellationToken)
    {
        var account = await db.FindOwnedAsync(id, user, cancellationToken);
        // A snapshot is its partner's: one taken before the account moved to another partner is not listed to that one.
        return TypedResults.Ok(await KeysetPage.ReadAsync(db.Set<AccountSnapshot>().AsNoTracking().Where(s => s.AccountId == account.Id && s.PartnerId == account.PartnerId),
            s => s.Id, ListSortDirection.Descending, pageSize, pageToken, SnapshotResponse.From, cancellationToken));
    }
}
