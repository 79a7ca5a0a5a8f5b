using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

using Reseller.Accounts.CustomerAccess;
using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Lifecycle;

/// <summary>
/// Who pays a resold account: the partner (its owner/billing users, API keys) or the customer itself (an account user of
/// that account). Each side names only its own card: the customer a card it made with its account token, the partner one of
/// the partner's profiles. The switch applies from the next invoice; Billing and Partners follow PayerChanged.
/// </summary>
public static class PayerApi
{
    public static IEndpointRouteBuilder MapPayerApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/accounts/{id}/payer", ChangePayerAsync).WithTags("Accounts").WithName("ChangeAccountPayer").WithSummary("Choose who pays for an account").ProducesProblem(409).ProducesProblem(422)
            .RequireAuthorization(AccountAccess.PartnerBillingOrAccountUser).AddEndpointFilter<ConcurrentChangeRetry<AccountsDb>>();
        return app;
    }

    public static async Task<Results<Ok<AccountResponse>, Ok<CustomerAccountResponse>>> ChangePayerAsync(
        string id,
        PayerRequest request,
        ClaimsPrincipal user,
        PartnerAccounts accounts,
        AccountsDb db,
        IOptions<AccountUrlOptions> urls,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.Payer is null || !Payers.All.Contains(request.Payer))
        {
            throw ValidationErrors.Reject("payer", "payer must be partner or customer.");
        }
        if (request.BillTo is { } billTo)
        {
            var errors = new ValidationErrors().When(request.Payer != Payers.Customer, "bill_to", "bill_to addresses a customer's invoices: only with payer customer.");
            billTo.Validate(errors);
            errors.ThrowIfAny();
        }
        var byCustomer = AccountAccess.AccountIdOf(user) is not null;
        var account = await accounts.FindAsync(id, user, cancellationToken);
        if (request.BillingProfileId is not null && (request.Payer == Payers.Customer) != byCustomer)
        {
            throw ValidationErrors.Reject("billing_profile_id", byCustomer
                ? "Only the partner names the card it pays with."
                : "Only the customer names the card it pays with: it adds one with its own account login.");
        }
        var profile = await accounts.BillingProfileAsync(request.BillingProfileId, cancellationToken);

        var previousPayer = account.Payer;
        var previousProfile = account.BillingProfileId;
        var now = clock.GetUtcNow();
        account.ChangePayer(request.Payer, profile);
        if (account.Payer != previousPayer)
        {
            db.Publish(new PayerChanged(account.Id, account.PartnerId, previousPayer, account.Payer, account.BillingProfileId, account.NotificationEmail, now,
                request.BillTo?.ToBillTo(), account.Language, byCustomer ? Payers.Customer : Payers.Partner), now);
        }
        else
        {
            if (account.BillingProfileId != previousProfile && account.BillingProfileId is { } card)
            {
                db.Publish(new AccountBillingProfileChanged(account.Id, account.PartnerId, card, now), now);
            }
            if (request.BillTo is { } corrected)
            {
                // A customer already paying (made customer-paid by its partner, or correcting its VAT id): its invoices'
                // address and tax follow from the next one, as when it took over paying.
                db.Publish(new CustomerBillToChanged(account.Id, account.PartnerId, corrected.ToBillTo(), now), now);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return byCustomer
            ? TypedResults.Ok(CustomerAccountResponse.From(account, urls.Value))
            : TypedResults.Ok(AccountResponse.From(account, urls.Value));
    }
}
