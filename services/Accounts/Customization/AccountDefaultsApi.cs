using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Audit;
using Reseller.Accounts.Data;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Customization;

public static class AccountDefaultsApi
{
    public static IEndpointRouteBuilder MapAccountDefaultsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/settings/account-defaults").WithTags("Account defaults").RequireAuthorization(PlatformPolicies.Partner);
        api.MapGet("", GetAsync).WithName("GetAccountDefaults").WithSummary("Read the partner's account defaults");
        api.MapPut("", PutAsync).WithName("PutAccountDefaults").WithSummary("Replace the partner's account defaults").WithMetadata(new RequestSizeLimitAttribute(RequestBodyLimits.TemplatesMaxBytes));
        return app;
    }

    public static async Task<Ok<AccountDefaultsResponse>> GetAsync(ClaimsPrincipal user, AccountsDb db, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var defaults = await db.Set<AccountDefaults>().AsNoTracking().FirstOrDefaultAsync(d => d.PartnerId == partnerId, cancellationToken);
        return TypedResults.Ok(defaults is null
            ? new AccountDefaultsResponse(Branding.None, [], null)
            : new AccountDefaultsResponse(defaults.Branding, defaults.Templates, defaults.UpdatedAt));
    }

    /// <summary>
    /// Replaces the defaults. Branding reaches every new account, and every existing one when <c>apply_to_existing</c>;
    /// templates reach new accounts only, whatever the flag.
    /// </summary>
    public static async Task<Ok<AccountDefaultsResponse>> PutAsync(
        AccountDefaultsRequest request,
        ClaimsPrincipal user,
        AccountsDb db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var errors = new ValidationErrors();
        var branding = errors.ToBranding(request.Branding);
        var templates = errors.ToTemplates(request.Templates);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var defaults = await db.Set<AccountDefaults>().FirstOrDefaultAsync(d => d.PartnerId == partnerId, cancellationToken);
        if (defaults is null)
        {
            defaults = AccountDefaults.Create(partnerId);
            db.Add(defaults);
        }
        defaults.Replace(branding, templates, now);
        await db.SaveChangesAsync(cancellationToken);

        int? applied = null;
        if (request.ApplyToExisting == true)
        {
            applied = await ApplyBrandingAsync(db, partnerId, defaults.BrandingJson, AuditTrail.Actor(user), now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new AccountDefaultsResponse(branding, templates, now, applied));
    }

    /// <summary>Sets the branding of every account the partner holds (not transferred ones), with one audit line each.</summary>
    private static async Task<int> ApplyBrandingAsync(AccountsDb db, Guid partnerId, string brandingJson, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var accountIds = await db.Accounts
            .Where(a => a.PartnerId == partnerId && a.Status != AccountStatus.Transferred)
            .Select(a => a.Id)
            .ToArrayAsync(cancellationToken);
        if (accountIds.Length == 0)
        {
            return 0;
        }
        await db.Set<AccountCustomization>()
            .Where(c => accountIds.Contains(c.AccountId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.BrandingJson, brandingJson).SetProperty(c => c.UpdatedAt, now), cancellationToken);
        var entryIds = accountIds.Select(_ => Guid.CreateVersion7()).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO audit_entries (id, account_id, at, actor, action, detail)
            SELECT e.id, e.account_id, {now}, {actor}, {AuditActions.BrandingApplied}, 'account defaults applied to existing accounts'
            FROM unnest({entryIds}, {accountIds}) AS e(id, account_id)
            """, cancellationToken);
        return accountIds.Length;
    }
}
