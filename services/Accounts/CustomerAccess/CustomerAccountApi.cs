using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Audit;
using Reseller.Accounts.Customization;
using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.Accounts.Users;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.CustomerAccess;

/// <summary>
/// What an account-scoped token may do: read its own account (no billing when the partner pays) and change its product
/// settings (language, time zone). Any other account id is 404; any other field is 403.
/// </summary>
public static class CustomerAccountApi
{
    private static readonly HashSet<string> CustomerEditable = new(StringComparer.Ordinal)
    {
        nameof(UpdateAccountRequest.Language),
        nameof(UpdateAccountRequest.TimeZone),
    };

    public static IEndpointRouteBuilder MapCustomerAccountApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/accounts/{id}/configuration", GetConfigurationAsync).WithTags("Accounts").WithName("GetAccountConfiguration").WithSummary("Read an account's product configuration")
            .RequireAuthorization(AccountAccess.PartnerOrAccountUser);
        return app;
    }

    public static async Task<Ok<CustomerAccountResponse>> GetAsync(string id, Guid scopedAccountId, AccountsDb db, AccountUrlOptions urls, CancellationToken cancellationToken)
    {
        var account = await FindScopedAsync(db, id, scopedAccountId, tracked: false, cancellationToken);
        return TypedResults.Ok(CustomerAccountResponse.From(account, urls));
    }

    public static async Task<Ok<CustomerAccountResponse>> UpdateAsync(
        string id,
        Guid scopedAccountId,
        UpdateAccountRequest request,
        ClaimsPrincipal user,
        AccountsDb db,
        AccountUrlOptions urls,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var account = await FindScopedAsync(db, id, scopedAccountId, tracked: true, cancellationToken);
        var forbidden = typeof(UpdateAccountRequest).GetProperties()
            .Where(p => !CustomerEditable.Contains(p.Name) && p.GetValue(request) is not null)
            .Select(p => p.Name)
            .ToList();
        if (forbidden.Count > 0)
        {
            throw new ProblemException(403, "forbidden", "An account user may change language and time_zone only.",
                "Plan, billing and contact settings are the partner's.");
        }
        // Only language and time_zone are left to check: the fields above are refused before.
        request.ThrowIfInvalid();

        var now = clock.GetUtcNow();
        account.Apply(new AccountSettings(null, request.Language, request.TimeZone, null, null));
        db.Record(account.Id, user, AuditActions.SettingsChanged, now,
            string.Join(", ", new[] { request.Language is null ? null : $"language={request.Language}", request.TimeZone is null ? null : $"time_zone={request.TimeZone}" }.OfType<string>()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CustomerAccountResponse.From(account, urls));
    }

    /// <summary>Settings, branding and templates of an account, for its partner or its own users.</summary>
    public static async Task<Ok<AccountConfigurationResponse>> GetConfigurationAsync(string id, ClaimsPrincipal user, AccountsDb db, CancellationToken cancellationToken)
    {
        var account = AccountAccess.AccountIdOf(user) is { } scoped
            ? await FindScopedAsync(db, id, scoped, tracked: false, cancellationToken)
            : await db.FindOwnedAsync(id, user, cancellationToken);
        var customization = await db.Set<AccountCustomization>().AsNoTracking().FirstOrDefaultAsync(c => c.AccountId == account.Id, cancellationToken);
        return TypedResults.Ok(new AccountConfigurationResponse(account.Language, account.TimeZone,
            customization?.Branding ?? Branding.None, customization?.Templates ?? []));
    }

    private static async Task<Account> FindScopedAsync(AccountsDb db, string id, Guid scopedAccountId, bool tracked, CancellationToken cancellationToken)
    {
        if (!PublicId.TryParse(AccountResponse.IdPrefix, id, out var accountId) || accountId != scopedAccountId)
        {
            throw ProblemException.NotFound("account");
        }
        var query = tracked ? db.Accounts : db.Accounts.AsNoTracking();
        return await query.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken) ?? throw ProblemException.NotFound("account");
    }
}
