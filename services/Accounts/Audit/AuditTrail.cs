using System.Security.Claims;

using Reseller.Accounts.Data;
using Reseller.ServiceDefaults.Auth;

namespace Reseller.Accounts.Audit;

/// <summary>
/// Records a change to an account in the same unit of work as the change: call it before <c>SaveChangesAsync</c>, e.g.
/// <c>db.Record(account.Id, user, AuditActions.AccountCancelled, now)</c>. The actor is the caller's kind and subject
/// (<c>partner_user:…</c>, <c>api_key:…</c>, <c>account_user:…</c>, <c>operator:operator</c>).
/// </summary>
public static class AuditTrail
{
    public static void Record(this AccountsDb db, Guid accountId, ClaimsPrincipal user, string action, DateTimeOffset now, string? detail = null) =>
        db.Record(accountId, Actor(user), action, now, detail);

    public static void Record(this AccountsDb db, Guid accountId, string actor, string action, DateTimeOffset now, string? detail = null) =>
        db.Set<AuditEntry>().Add(AuditEntry.Create(accountId, actor, action, detail is { Length: > 2000 } ? detail[..2000] : detail, now));

    /// <summary>The caller, and for a log-in-as session also the partner user behind it.</summary>
    public static string Actor(ClaimsPrincipal user) =>
        user.FindFirst(Users.AccountTokens.LoginAsClaim)?.Value is { } loginAs ? $"{user.Actor()} (as {loginAs})" : user.Actor();
}
