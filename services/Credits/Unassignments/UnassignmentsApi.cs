using Microsoft.AspNetCore.Http.HttpResults;

using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Unassignments;

public static class UnassignmentsApi
{
    public static IEndpointRouteBuilder MapUnassignmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/credits/{kind}/unassignments", UnassignAsync)
            .WithTags("Credits")
            .WithName("UnassignCredits").WithSummary("Take assigned credit back from an account")
            .RequireAuthorization(PlatformPolicies.Partner);
        return app;
    }

    /// <summary>
    /// Takes credit the partner put on one of its accounts, and that the account has not used, back to the partner's pool:
    /// SMS or compatibility credit it assigned, or prepaid credit it earmarked when buying (the partner's money, which an
    /// account that expired or is paid by its client would otherwise hold for good). A debit of the account and a credit of
    /// the pool in one transaction, both ledger entries. The account's balance never goes below zero: asking for more than
    /// it holds (a charge's hold included) is 422 and moves nothing.
    /// </summary>
    public static async Task<Created<UnassignmentResponse>> UnassignAsync(UnassignmentRequest request, [AsParameters] PartnerCreditRequest caller, CreditLedger ledger)
    {
        var creditKind = caller.CreditKind();
        request.ThrowIfInvalid();
        var account = await caller.OwnedAccountAsync(request.AccountId);

        var quantity = request.Quantity!.Value;
        var moved = await ledger.MoveAsync(caller, account, creditKind, EntryTypes.Unassignment, quantity, toAccount: false);
        return TypedResults.Created($"/api/v1/credits/{moved.Kind}/ledger",
            new UnassignmentResponse(moved.AccountReference, moved.Kind, quantity, moved.PartnerBalance, moved.AccountBalance));
    }
}
