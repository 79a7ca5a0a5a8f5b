using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;

using Reseller.Credits.Data;
using Reseller.Credits.FollowedAccounts;
using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Consumptions;

public static class ConsumptionsApi
{
    public static IEndpointRouteBuilder MapConsumptionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/accounts/{id}/credits/{kind}/consumptions", ConsumeAsync)
            .WithTags("Credits")
            .WithName("ConsumeCredits").WithSummary("Consume an account's credit")
            .RequireAuthorization();
        return app;
    }

    /// <summary>
    /// The product spends an account's SMS or compatibility credit, as its partner or with that account's own token. The
    /// credit is taken, its entry appended and the balance left returned under the balance's row lock, in one transaction
    /// with the consumptions that arrived together (<see cref="ConsumptionBatches"/>): never overdrawn.
    /// </summary>
    public static async Task<Created<ConsumptionResponse>> ConsumeAsync(
        string id,
        string kind,
        ConsumptionRequest request,
        ClaimsPrincipal user,
        CreditsDb db,
        CreditLedger ledger,
        ConsumptionBatches consumptions,
        AccountsLookup accounts,
        CancellationToken cancellationToken)
    {
        var creditKind = CreditKindNames.Parse(kind);
        var account = await AuthorisedAccountAsync(id, user, db, accounts, cancellationToken);
        request.ThrowIfInvalid();
        if (creditKind == CreditKind.Prepaid)
        {
            throw ProblemException.Unprocessable("credit-not-consumable", "Prepaid credit is not consumed here",
                "Prepaid credit pays the account's invoices; the product consumes sms and compatibility credit.");
        }
        if (!account.InService)
        {
            throw AccountNotInService.Problem();
        }
        if (creditKind == CreditKind.Sms && !account.SmsEnabled)
        {
            throw SmsNotAllowed.Problem();
        }
        var quantity = request.Quantity!.Value;
        var partnerId = account.PartnerId!.Value;
        if (await consumptions.ConsumeAsync(ledger, partnerId, account.AccountId, creditKind, quantity, cancellationToken) is not { } balance)
        {
            throw InsufficientCredit.Problem(creditKind);
        }
        CreditsMetrics.CountConsumed(CreditKindNames.Name(creditKind), quantity);
        var publicId = PublicId.Format(AccountDirectory.IdPrefix, account.AccountId);
        return TypedResults.Created($"/api/v1/credits/{kind}/ledger?account_id={publicId}", new ConsumptionResponse(publicId, CreditKindNames.Name(creditKind), quantity, balance));
    }

    private static async Task<CreditAccount> AuthorisedAccountAsync(string id, ClaimsPrincipal user, CreditsDb db, AccountsLookup accounts, CancellationToken cancellationToken)
    {
        if (user.FindFirst(PlatformClaims.Kind)?.Value == PlatformClaims.AccountUserKind)
        {
            var claimed = user.FindFirst(PlatformClaims.AccountId)?.Value;
            if (!PublicId.TryParse(AccountDirectory.IdPrefix, id, out var wanted) || !(ClaimedAccount(claimed) is { } own && own == wanted))
            {
                throw ProblemException.NotFound("account");
            }
            var known = await AccountsLookup.KnownAccount(db, own, cancellationToken);
            if (known is not null)
            {
                if (known.PartnerId is not { } owner)
                {
                    // Moved out of its agency: the account knows itself, and is told why, where its former partner sees nothing.
                    throw AccountNotInService.Problem();
                }
                // Its plan or status not learnt yet: completed from Accounts, as for its partner.
                return known.PlanKnown && known.StatusKnown ? known : await accounts.FindOwnedAsync(owner, own, cancellationToken) ?? known;
            }
            // Not learnt from Accounts' events yet: followed from Accounts itself, as the token's partner's account.
            return Guid.TryParse(user.FindFirst(PlatformClaims.PartnerId)?.Value, out var partnerId)
                && await accounts.FindOwnedAsync(partnerId, own, cancellationToken) is { } followed
                ? followed
                : throw ProblemException.NotFound("account");
        }
        if (user.FindFirst(PlatformClaims.Kind)?.Value is not (PlatformClaims.PartnerUserKind or PlatformClaims.ApiKeyKind))
        {
            throw new ProblemException(403, "forbidden", "Forbidden", "Consumptions are made by the account's partner or the account itself.");
        }
        return await accounts.FindOwnedAsync(user.PartnerId(), id, cancellationToken);
    }

    private static Guid? ClaimedAccount(string? claim) =>
        Guid.TryParse(claim, out var guid) ? guid
        : PublicId.TryParse(AccountDirectory.IdPrefix, claim, out var parsed) ? parsed
        : null;
}
