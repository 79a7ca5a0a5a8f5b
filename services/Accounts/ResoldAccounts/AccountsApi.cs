using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Reseller.Accounts.CustomerAccess;
using Reseller.Accounts.Data;
using Reseller.Accounts.Lifecycle;
using Reseller.Accounts.Snapshots;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Idempotency;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Accounts.ResoldAccounts;

public static class AccountsApi
{
    public const string AdminUsername = "admin";

    // The read every dashboard page and API client makes most, compiled once: written inline, each call built its expression
    // tree and EF looked it up in its query cache by hashing that tree (9.9 % and 7.4 % of Accounts' CPU samples).
    private static readonly Func<AccountsDb, Guid, Guid, CancellationToken, Task<Account?>> PartnersAccount = EF.CompileAsyncQuery(
        (AccountsDb db, Guid accountId, Guid partnerId, CancellationToken cancellationToken) =>
            db.Accounts.AsNoTracking().FirstOrDefault(a => a.Id == accountId && a.PartnerId == partnerId));

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/v1/accounts").WithTags("Accounts");
        var api = accounts.MapGroup("").RequireAuthorization(PlatformPolicies.Partner);
        api.MapPost("", CreateAsync).WithName("CreateAccount").WithSummary("Create a resold account").ShowsSecretOnce("login.password");
        // An account user's own token may read its account and change its product settings (CustomerAccess).
        accounts.MapGet("/{id}", GetAsync).WithName("GetAccount").WithSummary("Read an account")
            .RequireAuthorization(AccountAccess.PartnerOrAccountUser).AddEndpointFilter<AccountUserScope>();
        accounts.MapPatch("/{id}", UpdateAsync).WithName("UpdateAccount").WithSummary("Change an account's plan or settings").ProducesProblem(409).ProducesProblem(422)
            .RequireAuthorization(AccountAccess.PartnerOrAccountUser).AddEndpointFilter<AccountUserScope>()
            .AddEndpointFilter<ConcurrentChangeRetry<AccountsDb>>();
        return app;
    }

    public static async Task<Created<AccountResponse>> CreateAsync(
        CreateAccountRequest request,
        ClaimsPrincipal user,
        CreateAccountValidator validator,
        NewAccountSetup setup,
        AccountOpening opening,
        CancellationToken cancellationToken)
    {
        (request, var snapshot) = await setup.FromSnapshotAsync(request, user.PartnerId(), cancellationToken);
        // A trial costs nothing and names no card, so any partner user may start one; a paid account or a card is money.
        if (request.BillingProfileId is not null || request.Plan is { Cadence: not PlanCadences.Trial })
        {
            AccountAccess.EnsureMaySpend(user, "A paid account, or one named a billing profile,");
        }
        var details = await validator.ValidateAsync(user.PartnerId(), request, cancellationToken);
        var response = await opening.OpenAsync(details, snapshot, user, cancellationToken);
        return TypedResults.Created($"/api/v1/accounts/{response.Id}", response);
    }

    /// <summary>Changes an account's settings; a concurrent change to the same account makes the later one fail with 409.</summary>
    public static async Task<Results<Ok<AccountResponse>, NotFound>> UpdateAsync(
        string id,
        UpdateAccountRequest request,
        ClaimsPrincipal user,
        UpdateAccountValidator validator,
        PlanChanger planChanger,
        AccountsDb db,
        IOptions<AccountUrlOptions> urls,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!PublicId.TryParse(AccountResponse.IdPrefix, id, out var accountId))
        {
            return TypedResults.NotFound();
        }
        var partnerId = user.PartnerId();
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId && a.PartnerId == partnerId, cancellationToken);
        if (account is null)
        {
            return TypedResults.NotFound();
        }

        if (request.BillingProfileId is not null || request.Plan is not null)
        {
            AccountAccess.EnsureMaySpend(user, "Changing an account's billing profile or plan");
        }
        var settings = await validator.ValidateAsync(account.Id, request, cancellationToken);
        var now = clock.GetUtcNow();
        var previousEmail = account.NotificationEmail;
        if (account.Apply(settings))
        {
            db.Publish(new AccountBillingProfileChanged(account.Id, account.PartnerId, account.BillingProfileId!.Value, now), now);
        }
        if (account.NotificationEmail != previousEmail)
        {
            db.Publish(new AccountNotificationEmailChanged(account.Id, account.PartnerId, account.NotificationEmail, now), now);
        }
        if (request.Plan is not null)
        {
            await planChanger.ChangePlanAsync(account, request.Plan, user, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AccountResponse.From(account, urls.Value));
    }

    public static async Task<Results<Ok<AccountResponse>, NotFound>> GetAsync(
        string id,
        ClaimsPrincipal user,
        AccountsDb db,
        IOptions<AccountUrlOptions> urls,
        CancellationToken cancellationToken)
    {
        if (!PublicId.TryParse(AccountResponse.IdPrefix, id, out var accountId))
        {
            return TypedResults.NotFound();
        }
        var account = await PartnersAccount(db, accountId.Value, user.PartnerId(), cancellationToken);
        return account is null ? TypedResults.NotFound() : TypedResults.Ok(AccountResponse.From(account, urls.Value));
    }
}
