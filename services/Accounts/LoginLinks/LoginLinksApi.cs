using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Audit;
using Reseller.Accounts.Data;
using Reseller.Accounts.Tokens;
using Reseller.Accounts.Users;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Idempotency;
using Reseller.ServiceDefaults.Links;

namespace Reseller.Accounts.LoginLinks;

/// <summary>"Log in as": a partner user opens a client account as its admin through a one-time, 60-second link.</summary>
public static class LoginLinksApi
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public static IEndpointRouteBuilder MapLoginLinksApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/accounts/{id}/login-link", CreateAsync).WithTags("Identity").WithName("CreateLoginLink").WithSummary("Create a one-time log-in-as link")
            .RequireAuthorization(PlatformPolicies.Partner).AnswersWithCredential();
        app.MapPost("/api/v1/auth/login-links/{token}", RedeemAsync).WithTags("Identity").WithName("RedeemLoginLink").WithSummary("Redeem a log-in-as link for a token").ProducesProblem(403).ProducesProblem(410)
            .AllowAnonymous().AnswersWithCredential();
        return app;
    }

    public static async Task<Created<LoginLinkResponse>> CreateAsync(
        string id,
        ClaimsPrincipal user,
        AccountsDb db,
        DashboardLinks links,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var account = await db.FindOwnedAsync(id, user, cancellationToken);
        account.EnsureInService();
        var admin = await db.Set<AccountUser>().FirstAsync(u => u.AccountId == account.Id && u.Username == AccountRoles.AdminUsername, cancellationToken);
        var now = clock.GetUtcNow();
        var token = RandomSecret.New();
        var link = OneTimeToken.Create(TokenPurposes.LoginLink, account.Id, admin.Id, token, AuditTrail.Actor(user), now, Lifetime);
        db.Add(link);
        db.Record(account.Id, user, AuditActions.LoginLinkCreated, now, $"expires {link.ExpiresAt:O}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created((string?)null, new LoginLinkResponse(links.LoginAs(token), link.ExpiresAt));
    }

    /// <summary>Exchanges the link's token for an admin token of the account, once, within 60 seconds; the use is audited.</summary>
    public static async Task<Ok<IssuedToken>> RedeemAsync(
        string token,
        AccountsDb db,
        AccountTokens tokens,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var link = token.Length <= RandomSecret.MaxLength
            ? await db.Set<OneTimeToken>().FirstOrDefaultAsync(t => t.TokenHash == RandomSecret.HashOf(token) && t.Purpose == TokenPurposes.LoginLink, cancellationToken)
            : null;
        OneTimeLinks.EnsureLive(link, link?.IsUsable(now) == true);
        var account = await db.Accounts.FirstAsync(a => a.Id == link.AccountId, cancellationToken);
        account.EnsureInService();
        var admin = await db.Set<AccountUser>().FirstAsync(u => u.Id == link.UserId, cancellationToken);
        link.Use(now);
        db.Record(link.AccountId, link.CreatedBy, AuditActions.LoginLinkUsed, now, "logged in as admin");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            OneTimeLinks.EnsureLive(link, live: false);
        }
        return TypedResults.Ok(await tokens.IssueAsync(db, admin, account.PartnerId, link.CreatedBy, cancellationToken));
    }
}
