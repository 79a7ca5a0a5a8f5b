using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Reseller.Accounts.Accounts;
using Reseller.Accounts.Data;
using Reseller.Accounts.Snapshots;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Idempotency;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Referrals;

/// <summary>
/// Commission accounts from a referral signup, asked by Partners (internal, operator key; never routed by the gateway).
/// The account is paid by its customer with the card Billing just tokenized for it, so it is created with payer
/// <c>customer</c>, the customer's own notice address, and that card as a trusted billing profile.
/// </summary>
public static class ReferralAccountsApi
{
    public const string Path = "/internal/referrals/accounts";

    public static IEndpointRouteBuilder MapReferralAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, CreateAsync).RequireAuthorization(PlatformPolicies.Operator).ExcludeFromDescription().ShowsSecretOnce("login.password");
        return app;
    }

    public static async Task<Created<AccountResponse>> CreateAsync(
        ReferralAccountRequest request,
        CreateAccountValidator validator,
        AccountsDb db,
        NewAccountSetup setup,
        ClaimsPrincipal user,
        IOptions<AccountUrlOptions> urls,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.PartnerId is not { } partnerId || request.Account is not { } account)
        {
            throw ValidationErrors.Reject("account", "partner_id and account are required.");
        }
        var customerPaid = account with { Payer = Payer.Customer, NotificationEmail = account.Customer?.Email };
        var details = await validator.ValidateAsync(partnerId, customerPaid, cancellationToken, billingProfileTrusted: true);
        var password = GeneratedPassword.New();
        var now = clock.GetUtcNow();
        var created = Account.Create(details, now);
        db.Accounts.Add(created);
        await setup.AddAsync(created, password, null, user, now, cancellationToken);
        db.Publish(new AccountCreated(created.Id, created.PartnerId, created.Name, created.Plan.ToContract(), created.Payer,
            created.BillingProfileId, AccountResponse.StatusName(created.Status), now, created.NotificationEmail), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ProblemException(409, "name-taken", "The account name was taken meanwhile.");
        }
        var response = AccountResponse.From(created, urls.Value, new AccountLogin(urls.Value.LoginUrl(created.Name), AccountsApi.AdminUsername, password));
        return TypedResults.Created($"/api/v1/accounts/{response.Id}", response);
    }
}
