using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Reseller.Accounts.Accounts;
using Reseller.Accounts.Data;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Transfers;

/// <summary>The operator moves accounts out of an agency to a stand-alone owner, and attaches stand-alone accounts to a partner.</summary>
public static class TransfersApi
{
    public const string PartnerPrefix = "prt";

    public static IEndpointRouteBuilder MapTransfersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/accounts").WithTags("Operator").RequireAuthorization(PlatformPolicies.Operator);
        api.MapGet("/{id}", GetAsync).WithName("OperatorGetAccount");
        api.MapPost("/{id}/transfer-out", TransferOutAsync).WithName("TransferAccountOut");
        api.MapPost("/{id}/transfer-in", TransferInAsync).WithName("TransferAccountIn");
        return app;
    }

    public static async Task<Ok<OperatorAccountResponse>> GetAsync(string id, AccountsDb db, IOptions<AccountUrlOptions> urls, CancellationToken cancellationToken)
    {
        var account = await FindAsync(db, id, cancellationToken);
        return TypedResults.Ok(OperatorAccountResponse.From(account, urls.Value));
    }

    /// <summary>Moves the account to a stand-alone owner: status transferred, partner billing and branding stop, it leaves the partner's list.</summary>
    public static async Task<Ok<OperatorAccountResponse>> TransferOutAsync(string id, TransferOutRequest request, AccountsDb db,
        IOptions<AccountUrlOptions> urls, TimeProvider clock, CancellationToken cancellationToken)
    {
        new ValidationErrors().RequireEmail("owner_email", request.OwnerEmail).ThrowIfAny();
        var account = await FindAsync(db, id, cancellationToken);
        var now = clock.GetUtcNow();
        var ownerEmail = request.OwnerEmail!.Trim();
        var former = account.TransferOut(ownerEmail);
        db.Publish(new AccountTransferredOut(account.Id, former, ownerEmail, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(OperatorAccountResponse.From(account, urls.Value));
    }

    /// <summary>Attaches a stand-alone account (the customer has confirmed) to a partner; it shows in that partner's list again.</summary>
    public static async Task<Ok<OperatorAccountResponse>> TransferInAsync(string id, TransferInRequest request, AccountsDb db,
        IOptions<AccountUrlOptions> urls, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!PublicId.TryParse(PartnerPrefix, request.PartnerId, out var partnerId))
        {
            throw ValidationErrors.Reject("partner_id", "partner_id must be a partner id (prt_…).");
        }
        var account = await FindAsync(db, id, cancellationToken);
        var now = clock.GetUtcNow();
        account.TransferIn(partnerId.Value);
        db.Publish(new AccountTransferredIn(account.Id, account.PartnerId, account.Name, account.Plan.ToContract(), account.Payer, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(OperatorAccountResponse.From(account, urls.Value));
    }

    private static async Task<Account> FindAsync(AccountsDb db, string id, CancellationToken cancellationToken) =>
        PublicId.TryParse(AccountResponse.IdPrefix, id, out var accountId)
            ? await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken) ?? throw ProblemException.NotFound("account")
            : throw ProblemException.NotFound("account");
}
