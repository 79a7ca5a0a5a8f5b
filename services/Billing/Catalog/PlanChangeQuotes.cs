using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Pricing;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Catalog;

/// <summary>
/// Quotes a change of an existing account with the very code that bills it (<see cref="PlanChangeInvoicer.PriceAsync"/>)
/// and the same upgrade/downgrade rule Accounts applies (<see cref="PlanChangeRule"/>): the amount quoted today is the
/// amount the change then invoices today. Nothing is written.
/// </summary>
public sealed class PlanChangeQuotes(
    BillingDb db, ProductCatalog catalog, PlanPricer pricer, PlanChangeInvoicer changes, PeriodInvoicer periods, InvoiceHeadings headings, TimeProvider clock)
{
    private const string Now = "now";
    private const string NextRenewal = "next_renewal";

    public async Task<QuoteResponse> QuoteAsync(QuoteRequest request, Guid partnerId, CancellationToken cancellationToken)
    {
        var requested = request.ThrowIfInvalid(catalog).ToPlan(catalog);
        var account = await FindAsync(request.AccountId, partnerId, cancellationToken);
        EnsureMayChange(account, requested);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var startsOver = account.Status is AccountStatus.Trial or AccountStatus.Expired;
        var appliesNow = startsOver || new PlanChangeRule(catalog).AppliesNow(account.Plan, requested);
        var charge = appliesNow ? await changes.PriceAsync(account, account.Plan, requested, today, cancellationToken) : null;
        var percent = await periods.DiscountPercentAsync(account, cancellationToken);
        var renewal = pricer.Price(requested, percent);
        // The change and the renewal are the account's payer's, taxed as its invoices are.
        var heading = await headings.ForAsync(account.PartnerId, account.AccountId, account.Payer, cancellationToken);
        var change = new PlanChangeQuote(
            PublicId.Format(InvoiceResponse.AccountIdPrefix, account.AccountId),
            appliesNow ? Now : NextRenewal,
            charge?.PeriodStart,
            charge?.PeriodEnd,
            charge is { StartsNewPeriod: true } ? charge.PeriodEnd : account.CurrentPeriodEnd,
            RenewalQuote.From(renewal, heading));
        return QuoteResponse.From(charge?.Price ?? new PriceBreakdown([], catalog.Currency, percent), heading, change);
    }

    private async Task<BilledAccount> FindAsync(string? publicId, Guid partnerId, CancellationToken cancellationToken)
    {
        if (!PublicId.TryParse(InvoiceResponse.AccountIdPrefix, publicId, out var id))
        {
            throw ProblemException.NotFound("account");
        }
        return await db.BilledAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.AccountId == id && a.PartnerId == partnerId, cancellationToken)
            ?? throw ProblemException.NotFound("account");
    }

    /// <summary>The same refusals as the change itself (Accounts' Account.ChangePlan), so a quote never promises a change that will be refused.</summary>
    private static void EnsureMayChange(BilledAccount account, AccountPlan requested)
    {
        if (account.Status is AccountStatus.Trial or AccountStatus.Expired)
        {
            if (requested.Cadence == PlanCadences.Trial)
            {
                throw ValidationErrors.Reject("plan.cadence", "plan.cadence must be monthly or annual to convert this account.");
            }
            return;
        }
        if (account.Status != AccountStatus.Active)
        {
            throw ProblemException.Conflict("plan-change-not-allowed", "The plan of this account cannot change now.",
                $"A plan changes on an active, trial or expired account; this one is {AccountStatuses.NameOf(account.Status)}.");
        }
        if (requested.Cadence == PlanCadences.Trial)
        {
            throw ValidationErrors.Reject("plan.cadence", "A paid account cannot go back to a trial.");
        }
        if (requested.Product != account.Plan.Product)
        {
            throw ValidationErrors.Reject("plan.product", "A plan change keeps the product; create another account for another product.");
        }
    }
}
