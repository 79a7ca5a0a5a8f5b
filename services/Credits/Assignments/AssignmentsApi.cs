using Microsoft.AspNetCore.Http.HttpResults;

using Reseller.Credits.Accounts;
using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Assignments;

public static class AssignmentsApi
{
    public static IEndpointRouteBuilder MapAssignmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/credits/{kind}/assignments", AssignAsync)
            .WithTags("Credits")
            .WithName("AssignCredits")
            .RequireAuthorization(PlatformPolicies.Partner);
        return app;
    }

    /// <summary>Moves SMS or compatibility credit from the partner's pool to one of its accounts; SMS only to an account with the sms add-on on a tier that allows it.</summary>
    public static async Task<Created<AssignmentResponse>> AssignAsync(AssignmentRequest request, [AsParameters] PartnerCreditRequest caller, CreditLedger ledger)
    {
        var creditKind = caller.CreditKind();
        new ValidationErrors()
            .When(string.IsNullOrWhiteSpace(request.AccountId), "account_id", "account_id is required.")
            .When(request.Quantity is null or <= 0, "quantity", "quantity must be a positive whole number.")
            .ThrowIfAny();
        if (creditKind == CreditKind.Prepaid)
        {
            throw PartnerCreditRequest.Refused("credit-not-assignable", "Prepaid credit is not assigned",
                "Prepaid credit is earmarked for an account when it is bought (purchases with account_id).");
        }
        var partnerId = caller.PartnerId();
        var account = await caller.OwnedAccountAsync(request.AccountId);
        if (creditKind == CreditKind.Sms && !account.SmsAllowed)
        {
            throw SmsNotAllowed.Problem();
        }

        var quantity = request.Quantity!.Value;
        var reference = PublicId.Format(AccountDirectory.IdPrefix, account.AccountId);
        var cancellationToken = caller.CancellationToken;
        await using var transaction = await caller.Db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ledger.TryDebitAsync(partnerId, null, creditKind, EntryTypes.Assignment, quantity, reference, cancellationToken))
        {
            throw InsufficientCredit.Problem(creditKind);
        }
        await ledger.CreditAsync(partnerId, account.AccountId, creditKind, EntryTypes.Assignment, quantity, reference, cancellationToken);
        var pool = await ledger.BalanceForUpdateAsync(partnerId, null, creditKind, cancellationToken);
        var held = await ledger.BalanceForUpdateAsync(partnerId, account.AccountId, creditKind, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var kind = CreditKindNames.Name(creditKind);
        return TypedResults.Created($"/api/v1/credits/{kind}/ledger", new AssignmentResponse(reference, kind, quantity, pool, held));
    }
}
