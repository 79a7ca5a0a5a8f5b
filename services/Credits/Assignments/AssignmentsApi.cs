using Microsoft.AspNetCore.Http.HttpResults;

using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Auth;

namespace Reseller.Credits.Assignments;

public static class AssignmentsApi
{
    public static IEndpointRouteBuilder MapAssignmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/credits/{kind}/assignments", AssignAsync)
            .WithTags("Credits")
            .WithName("AssignCredits").WithSummary("Assign SMS or compatibility credit to an account")
            .RequireAuthorization(PlatformPolicies.Partner);
        return app;
    }

    /// <summary>Moves SMS or compatibility credit from the partner's pool to one of its accounts; SMS only to an account with the sms add-on on a tier that allows it.</summary>
    public static async Task<Created<AssignmentResponse>> AssignAsync(AssignmentRequest request, [AsParameters] PartnerCreditRequest caller, CreditLedger ledger)
    {
        var creditKind = CreditMove.AssignedKind(caller, request,
            "Prepaid credit is earmarked for an account when it is bought (purchases with account_id).");
        var account = await caller.OwnedAccountAsync(request.AccountId);
        if (creditKind == CreditKind.Sms && !account.SmsAllowed)
        {
            throw SmsNotAllowed.Problem();
        }

        var quantity = request.Quantity!.Value;
        var moved = await ledger.MoveAsync(caller, account, creditKind, EntryTypes.Assignment, quantity, toAccount: true);
        return TypedResults.Created($"/api/v1/credits/{moved.Kind}/ledger",
            new AssignmentResponse(moved.AccountReference, moved.Kind, quantity, moved.PartnerBalance, moved.AccountBalance));
    }
}
