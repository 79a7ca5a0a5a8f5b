using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;

using Reseller.Accounts.ResoldAccounts;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Idempotency;
using Reseller.ServiceDefaults.Problems;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Accounts.Referrals;

/// <summary>
/// Commission accounts from a referral signup, asked by Partners (internal, with its service token; never routed by the gateway).
/// The account is paid by its customer with the card Billing just tokenized for it, so it is created with payer
/// <c>customer</c>, the customer's own notice address, and that card as a trusted billing profile.
/// </summary>
public static class ReferralAccountsApi
{
    public const string Path = "/internal/referrals/accounts";

    public static IEndpointRouteBuilder MapReferralAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, CreateAsync).RequireAuthorization(PlatformPolicies.InternalCaller(TrustedIssuers.Partners)).ExcludeFromDescription().ShowsSecretOnce("login.password");
        return app;
    }

    public static async Task<Created<AccountResponse>> CreateAsync(
        ReferralAccountRequest request,
        CreateAccountValidator validator,
        AccountOpening opening,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (request.PartnerId is not { } partnerId || request.Account is not { } account)
        {
            throw ValidationErrors.Reject("account", "partner_id and account are required.");
        }
        var customerPaid = account with { Payer = Payers.Customer, NotificationEmail = account.Customer?.Email };
        var details = await validator.ValidateAsync(partnerId, customerPaid, cancellationToken, billingProfileTrusted: true);
        var response = await opening.OpenAsync(details, snapshot: null, user, cancellationToken);
        return TypedResults.Created($"/api/v1/accounts/{response.Id}", response);
    }
}
