using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Accounts.Lifecycle;

/// <summary>Seats, cancel and renew of a resold account; plan changes go through PATCH /accounts/{id}, the payer through PayerApi.</summary>
public static class LifecycleApi
{
    public static IEndpointRouteBuilder MapLifecycleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/accounts").WithTags("Accounts").RequireAuthorization(PlatformPolicies.Partner)
            .AddEndpointFilter<ConcurrentChangeRetry<AccountsDb>>();
        api.MapPost("/{id}/seats", ChangeSeatsAsync).WithName("ChangeAccountSeats").WithSummary("Add or remove seats or licences").RequireAuthorization(PlatformPolicies.PartnerBilling);
        api.MapPost("/{id}/cancel", CancelAsync).WithName("CancelAccount").WithSummary("Cancel an account at its period end");
        api.MapPost("/{id}/renew", RenewAsync).WithName("RenewAccount").WithSummary("Renew an account: un-cancel it, or charge its open renewal after a failed charge").RequireAuthorization(PlatformPolicies.PartnerBilling);
        return app;
    }

    /// <summary>Adds seats now (Billing charges them prorated) or removes them at the next renewal.</summary>
    public static async Task<Ok<AccountResponse>> ChangeSeatsAsync(string id, SeatsRequest request, ClaimsPrincipal user, PartnerAccounts accounts,
        PlanChanger changer, AccountsDb db, IOptions<AccountUrlOptions> urls, TimeProvider clock, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(id, user, cancellationToken);
        changer.ChangeSeats(account, request, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AccountResponse.From(account, urls.Value));
    }

    /// <summary>Cancels: usable until current_period_end, then expired by the expiry job. Cancelling twice changes nothing.</summary>
    public static async Task<Ok<AccountResponse>> CancelAsync(string id, ClaimsPrincipal user, PartnerAccounts accounts, AccountsDb db,
        IOptions<AccountUrlOptions> urls, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(id, user, cancellationToken);
        if (account.Cancel())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(AccountResponse.From(account, urls.Value));
    }

    /// <summary>Renews per docs/business-rules.md: un-cancels without a charge, or asks Billing to charge a payment_failed account's open renewal.</summary>
    public static async Task<Ok<AccountResponse>> RenewAsync(string id, RenewRequest? request, ClaimsPrincipal user, PartnerAccounts accounts,
        AccountsDb db, IOptions<AccountUrlOptions> urls, TimeProvider clock, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(id, user, cancellationToken);
        var profile = await accounts.BillingProfileAsync(request?.BillingProfileId, cancellationToken);
        var previousProfile = account.BillingProfileId;
        var now = clock.GetUtcNow();
        if (account.Renew(profile, now))
        {
            db.Publish(new AccountRenewalRequested(account.Id, account.PartnerId, profile, now), now);
        }
        else if (account.BillingProfileId != previousProfile)
        {
            db.Publish(new AccountBillingProfileChanged(account.Id, account.PartnerId, account.BillingProfileId!.Value, now), now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AccountResponse.From(account, urls.Value));
    }
}
