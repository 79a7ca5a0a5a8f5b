using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Commissions;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Payouts;

/// <summary>The operator pays pending commission statements out through the payout provider (PayPal Payouts, or the sandbox).</summary>
public static class PayoutsApi
{
    public static IEndpointRouteBuilder MapPayoutsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/admin/payouts", StartAsync).WithTags("Operator").RequireAuthorization(PlatformPolicies.Operator)
            .WithName("StartPayout").WithSummary("Pay pending commission statements out")
            .WithDescription("Puts the pending statements (all, or `statement_ids`) in one payout batch sent to the provider; each statement is `processing` until the provider reports its item: `paid`, or `pending` again with `payout_failure`. The partner is mailed either way. A batch the provider refuses for good (insufficient funds, a validation error) pays nothing: 422 `payout-refused`, its statements `pending` again with the reason as `payout_failure`. A statement whose partner has no PayPal e-mail is never sent with an empty receiver: it becomes `held` and is listed in `held`.")
            .ProducesProblem(400).ProducesProblem(422);
        return app;
    }

    public static async Task<Accepted<PayoutResponse>> StartAsync(StartPayoutRequest? request, PayoutBatches batches, PartnersDb db, CancellationToken cancellationToken)
    {
        request ??= new StartPayoutRequest(null);
        request.ThrowIfInvalid();
        List<Statement> held = [];
        Guid? started;
        try
        {
            started = await batches.StartAsync(request.Ids(), held, cancellationToken);
        }
        catch (PayoutRefusedException refused)
        {
            throw ProblemException.Unprocessable("payout-refused", "The payout provider refused the batch.",
                $"{refused.Reason}. Nothing was paid; the statements are pending again, with the reason as their payout_failure, for a later payout.");
        }
        var batchId = started
            ?? throw ProblemException.Unprocessable("nothing-to-pay-out", "No pending statement to pay out.", held.Count > 0
                ? $"{held.Count} statement(s) were held instead: their partners have no PayPal e-mail to be paid at."
                : "The statements named are not pending (held, processing or paid), or none is pending.");
        var statements = await db.Statements.AsNoTracking().Where(s => s.PayoutBatchId == batchId)
            .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var id = PublicId.Format(PayoutBatches.IdPrefix, batchId);
        return TypedResults.Accepted((string?)null, new PayoutResponse(id, statements.Select(s => StatementResponse.From(s)).ToList(),
            held.Select(s => StatementResponse.From(s)).ToList()));
    }
}
