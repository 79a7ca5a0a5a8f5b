using Microsoft.AspNetCore.Http.HttpResults;

using Reseller.Credits.Accounts;
using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Unassignments;

public static class UnassignmentsApi
{
    public static IEndpointRouteBuilder MapUnassignmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/credits/{kind}/unassignments", UnassignAsync)
            .WithTags("Credits")
            .WithName("UnassignCredits")
            .RequireAuthorization(PlatformPolicies.Partner);
        return app;
    }

    /// <summary>
    /// Takes SMS or compatibility credit the partner assigned to one of its accounts, and that the account has not consumed,
    /// back to the partner's pool: a debit of the account and a credit of the pool in one transaction, both ledger entries.
    /// The account's balance never goes below zero: asking for more than it holds is 422 and moves nothing.
    /// </summary>
    public static async Task<Created<UnassignmentResponse>> UnassignAsync(UnassignmentRequest request, [AsParameters] PartnerCreditRequest caller, CreditLedger ledger)
    {
        var creditKind = caller.CreditKind();
        new ValidationErrors()
            .When(string.IsNullOrWhiteSpace(request.AccountId), "account_id", "account_id is required.")
            .When(request.Quantity is null or <= 0, "quantity", "quantity must be a positive whole number.")
            .ThrowIfAny();
        if (creditKind == CreditKind.Prepaid)
        {
            throw PartnerCreditRequest.Refused("credit-not-assignable", "Prepaid credit is not assigned",
                "Only assigned sms and compatibility credit can be un-assigned; prepaid credit is earmarked when it is bought.");
        }
        var partnerId = caller.PartnerId();
        var account = await caller.OwnedAccountAsync(request.AccountId);

        var quantity = request.Quantity!.Value;
        var reference = PublicId.Format(AccountDirectory.IdPrefix, account.AccountId);
        var cancellationToken = caller.CancellationToken;
        await using var transaction = await caller.Db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ledger.TryDebitAsync(partnerId, account.AccountId, creditKind, EntryTypes.Unassignment, quantity, reference, cancellationToken))
        {
            throw InsufficientCredit.Problem(creditKind);
        }
        await ledger.CreditAsync(partnerId, null, creditKind, EntryTypes.Unassignment, quantity, reference, cancellationToken);
        var pool = await ledger.BalanceForUpdateAsync(partnerId, null, creditKind, cancellationToken);
        var held = await ledger.BalanceForUpdateAsync(partnerId, account.AccountId, creditKind, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var kind = CreditKindNames.Name(creditKind);
        return TypedResults.Created($"/api/v1/credits/{kind}/ledger", new UnassignmentResponse(reference, kind, quantity, pool, held));
    }
}
