using System.Globalization;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;
using Reseller.Partners.Organisations;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Idempotency;
using Reseller.ServiceDefaults.Problems;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Partners.Users;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("Identity").AllowAnonymous();
        api.MapPost("/token", IssueTokenAsync).WithName("IssuePartnerToken").WithSummary("Log a partner user in").ProducesProblem(401).ProducesProblem(423).AnswersWithCredential();
        api.MapPost("/password-reset", PasswordResetApi.RequestAsync).WithName("RequestPartnerPasswordReset").WithSummary("Ask for a partner user's password reset link");
        api.MapPost("/password-reset/confirm", PasswordResetApi.ConfirmAsync).WithName("ConfirmPartnerPasswordReset").WithSummary("Set a new password with a reset link").ProducesProblem(410);
        api.MapPost("/partner-invitations/{token}/accept", InvitationsApi.AcceptAsync).WithName("AcceptPartnerInvitation").WithSummary("Accept a partner user's invitation").ProducesProblem(410);
        return app;
    }

    public static async Task<Ok<IssuedToken>> IssueTokenAsync(
        TokenRequest request,
        PartnersDb db,
        IPasswordHasher<PartnerUser> hasher,
        PlatformTokenIssuer tokens,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();

        var email = FieldRules.NormalizeEmail(request.Email!);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is null)
        {
            // Costs a password hash too, so the time taken does not tell which e-mails have a login.
            PasswordCheck.Verify(hasher, null, null, request.Password!, out _);
            throw LoginProblems.InvalidCredentials();
        }

        var now = clock.GetUtcNow();
        if (user.Lockout.RemainingLock(now) is { } remaining)
        {
            throw LoginProblems.LockedOut(remaining);
        }

        if (!PasswordCheck.Verify(hasher, user, user.CanLogIn ? user.PasswordHash : null, request.Password!, out var upgradedHash))
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
        // Only after the password: a stranger learns nothing of the partner's state.
        if (await db.Partners.AnyAsync(p => p.Id == user.PartnerId && p.Status == PartnerStatus.Suspended, cancellationToken))
        {
            throw PartnerSuspended.Problem();
        }
        var sessionVersion = await SessionStamps.VersionAsync(db, user.Id.ToString(), cancellationToken);
        return TypedResults.Ok(await tokens.IssueAsync(
        [
            new Claim(PlatformClaims.Subject, user.Id.ToString()),
            new Claim(PlatformClaims.PartnerId, user.PartnerId.ToString()),
            new Claim(PlatformClaims.Role, user.Role),
            new Claim(PlatformClaims.Kind, PlatformClaims.PartnerUserKind),
            new Claim(PlatformClaims.SessionVersion, sessionVersion.ToString(CultureInfo.InvariantCulture)),
        ], cancellationToken: cancellationToken));
    }
}
