using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Audit;
using Reseller.Accounts.Data;
using Reseller.Accounts.Tokens;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Idempotency;
using Reseller.ServiceDefaults.Links;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Mail.Outbox;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Users;

/// <summary>The anonymous identity endpoints of account users: password login, forgotten password, log-in-as links.</summary>
public static class AccountAuthApi
{
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);

    public static IEndpointRouteBuilder MapAccountAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("Identity").AllowAnonymous();
        api.MapPost("/account-token", IssueTokenAsync).WithName("IssueAccountToken").WithSummary("Log an account user in").ProducesProblem(401).ProducesProblem(403).ProducesProblem(423).AnswersWithCredential();
        api.MapPost("/account-password-reset", RequestResetAsync).WithName("RequestAccountPasswordReset").WithSummary("Ask for an account user's password reset link");
        api.MapPost("/account-password-reset/confirm", ConfirmResetAsync).WithName("ConfirmAccountPasswordReset").WithSummary("Set an account user's new password with a reset link").ProducesProblem(403).ProducesProblem(410);
        return app;
    }

    /// <summary>
    /// Logs an account user in; 5 failures in a row lock the login for 5 minutes, the right password included. The right
    /// password of an account not in service (pending, expired) is answered 403 <c>account-not-in-service</c>.
    /// </summary>
    public static async Task<Ok<IssuedToken>> IssueTokenAsync(
        AccountTokenRequest request,
        AccountsDb db,
        IPasswordHasher<AccountUser> hasher,
        AccountTokens tokens,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();

        var accountName = request.Account!.Trim().ToLowerInvariant();
        var username = request.Username!.Trim().ToLowerInvariant();
        var found = await (from u in db.Set<AccountUser>()
                           join a in db.Accounts on u.AccountId equals a.Id
                           where a.Name == accountName && u.Username == username
                           select new { User = u, Account = a }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            // Hash anyway, so that an unknown account or user costs as long as a wrong password.
            PasswordCheck.Verify(hasher, null, null, request.Password!, out _);
            throw LoginProblems.InvalidCredentials();
        }

        var user = found.User;
        var now = clock.GetUtcNow();
        if (user.Lockout.RemainingLock(now) is { } remaining)
        {
            throw LoginProblems.LockedOut(remaining);
        }
        if (!PasswordCheck.Verify(hasher, user, user.PasswordHash, request.Password!, out var upgradedHash))
        {
            user.Lockout.RegisterFailure(now);
            await db.SaveChangesAsync(cancellationToken);
            throw LoginProblems.InvalidCredentials();
        }
        if (upgradedHash is not null)
        {
            user.SetPasswordHash(upgradedHash);
        }

        user.Lockout.RegisterSuccess();
        await db.SaveChangesAsync(cancellationToken);
        // Only after the password: a stranger learns nothing of the account's state.
        found.Account.EnsureInService();
        return TypedResults.Ok(await tokens.IssueAsync(db, user, found.Account.PartnerId, loginAs: null, cancellationToken));
    }

    /// <summary>Mails a single-use, one-hour reset link when the account and e-mail match a user; answers 202 either way.</summary>
    public static async Task<Accepted> RequestResetAsync(
        PasswordResetRequest request,
        AccountsDb db,
        DashboardLinks links,
        MailOutbox mails,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();

        var accountName = request.Account!.Trim().ToLowerInvariant();
        var email = FieldRules.NormalizeEmail(request.Email!);
        var candidates = await (from u in db.Set<AccountUser>()
                                join a in db.Accounts on u.AccountId equals a.Id
                                where a.Name == accountName && u.Email == email && u.PasswordHash != ""
                                select new { User = u, Account = a }).ToListAsync(cancellationToken);
        // A customer whose username is this e-mail first; otherwise the admin whose contact address it is. A link for an
        // account not in service could not be used, so none is sent.
        var match = candidates.Where(c => c.Account.IsInService).OrderBy(c => c.User.Role == AccountRoles.Admin ? 1 : 0).FirstOrDefault();
        if (match is not null)
        {
            var now = clock.GetUtcNow();
            var token = RandomSecret.New();
            db.Add(OneTimeToken.Create(TokenPurposes.PasswordReset, match.User.AccountId, match.User.Id, token, "anonymous", now, ResetLifetime));
            db.Record(match.User.AccountId, $"account_user:{match.User.Id}", AuditActions.PasswordResetRequested, now, $"for {match.User.Username}");
            mails.Queue(db, new OutgoingMail(match.User.Email, "Reset your password",
                $"Someone asked to reset the password of {match.User.Username} on {match.Account.Name}.\n\n"
                + $"Open this link within one hour to choose a new password (it works once):\n{links.AccountPasswordReset(token, match.Account.Name)}\n\n"
                + "If you did not ask for it, ignore this mail: your password stays as it is.\n"), now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Sets the new password with a reset link's token; the token works once, within its hour.</summary>
    public static async Task<NoContent> ConfirmResetAsync(
        PasswordResetConfirmRequest request,
        AccountsDb db,
        IPasswordHasher<AccountUser> hasher,
        AccountTokens tokens,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();

        var now = clock.GetUtcNow();
        var token = await db.Set<OneTimeToken>().FirstOrDefaultAsync(
            t => t.TokenHash == RandomSecret.HashOf(request.Token!) && t.Purpose == TokenPurposes.PasswordReset, cancellationToken);
        OneTimeLinks.EnsureLive(token, token?.IsUsable(now) == true);
        (await db.Accounts.FirstAsync(a => a.Id == token.AccountId, cancellationToken)).EnsureInService();
        var user = await db.Set<AccountUser>().FirstAsync(u => u.Id == token.UserId, cancellationToken);
        token.Use(now);
        user.SetPasswordHash(hasher.HashPassword(user, request.NewPassword!));
        await tokens.EndSessionsAsync(db, user.Id, now, cancellationToken);
        db.Record(user.AccountId, $"account_user:{user.Id}", AuditActions.PasswordResetCompleted, now, $"for {user.Username}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

}
