using System.ComponentModel;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Accounts.Transfers;

/// <summary>A partner sees the move-ins into its agency still waiting for their owners' confirmation (its home page's "needs attention").</summary>
public static class PendingTransfersApi
{
    public static IEndpointRouteBuilder MapPendingTransfersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/transfers", ListAsync).WithTags("Accounts").RequireAuthorization(PlatformPolicies.Partner).WithName("ListPendingTransfersIn")
            .WithSummary("List the move-ins into the partner's agency waiting for the owner's confirmation")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<Ok<Page<PendingTransferResponse>>> ListAsync(
        [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "page_token")] string? pageToken,
        ClaimsPrincipal user, AccountsDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var now = clock.GetUtcNow();
        var open = db.Set<PendingTransferIn>()
            .Where(t => t.PartnerId == partnerId && t.ConfirmedAt == null && t.ReplacedAt == null && t.ExpiresAt > now)
            .Join(db.Accounts, t => t.AccountId, a => a.Id, (t, a) => new PendingRow { Id = t.Id, AccountId = t.AccountId, AccountName = a.Name, OwnerEmail = t.OwnerEmail, RequestedAt = t.CreatedAt, ExpiresAt = t.ExpiresAt });
        return TypedResults.Ok(await KeysetPage.ReadAsync(open, r => r.Id, ListSortDirection.Ascending, pageSize, pageToken,
            r => new PendingTransferResponse(PublicId.Format(AccountResponse.IdPrefix, r.AccountId), r.AccountName, r.OwnerEmail, r.RequestedAt, r.ExpiresAt),
            cancellationToken));
    }

    /// <summary>Member-initialized (not positional) so the keyset's ordering on Id translates to SQL.</summary>
    private sealed class PendingRow
    {
        public Guid Id { get; init; }
        public Guid AccountId { get; init; }
        public string AccountName { get; init; } = "";
        public string OwnerEmail { get; init; } = "";
        public DateTimeOffset RequestedAt { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
    }
}
