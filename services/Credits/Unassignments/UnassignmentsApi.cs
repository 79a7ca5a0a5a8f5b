using Microsoft.AspNetCore.Http.HttpResults;

using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Auth;

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
    /// Takes SMS or compatibility credit the partner assigned to one of its accounts, and that the account has not consumed,
    /// back to the partner's pool: a debit of the account and a credit of the pool in one transaction, both ledger entries.
    /// The account's balance never goes below zero: asking for more than it holds is 422 and moves nothing.
    /// </summary>
    public static async Task<Created<UnassignmentResponse>> UnassignAsync(UnassignmentRequest request, [AsParameters] PartnerCreditRequest caller, CreditLedger ledger)
    {
        var creditKind = CreditMove.AssignedKind(caller, request,
            "Only assigned sms and compatibility credit can be un-assigned; prepaid credit is earmarked when it is bought.");
        var account = await caller.OwnedAccountAsync(request.AccountId);

        var quantity = request.Quantity!.Value;
        var moved = await ledger.MoveAsync(caller, account, creditKind, EntryTypes.Unassignment, quantity, toAccount: false);
        return TypedResults.Created($"/api/v1/credits/{moved.Kind}/ledger",
            new UnassignmentResponse(moved.AccountReference, moved.Kind, quantity, moved.PartnerBalance, moved.AccountBalance));
    }
}
